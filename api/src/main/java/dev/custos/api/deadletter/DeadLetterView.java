package dev.custos.api.deadletter;

import java.time.Instant;

/** One parked event: where it is, what it was, and why its projection refused it. */
public record DeadLetterView(String processingGroup, String sequenceIdentifier, String eventIdentifier,
                             String payloadType, String causeType, String causeMessage, Instant enqueuedAt,
                             Instant lastTouched) {
}
