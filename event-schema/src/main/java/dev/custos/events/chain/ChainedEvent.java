package dev.custos.events.chain;

import tools.jackson.databind.JsonNode;

/**
 * The fields of one event that its link in the chain covers. {@code eventType} is the stored payload type (the
 * event's class name), {@code revision} its payload revision, {@code aggregateType} and {@code aggregateId} are
 * null for an event that belongs to no aggregate (a portal access), {@code aggregateSequence} is the event's place
 * in its aggregate's stream (0 for such an event), {@code occurredAt} the stored timestamp exactly as stored, and
 * {@code payload} the event as JSON.
 */
public record ChainedEvent(
        String eventId,
        String eventType,
        String revision,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        String occurredAt,
        JsonNode payload) {}
