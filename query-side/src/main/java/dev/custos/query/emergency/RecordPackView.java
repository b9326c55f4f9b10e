package dev.custos.query.emergency;

import java.time.Instant;
import java.util.UUID;

/** One record pack of a run: the sealed bundle, its manifest's sha256 and how many captures it holds. */
public record RecordPackView(
        UUID bundleId, String manifestSha256, int captureCount, Instant generatedAt, UUID generatedByIndividualId) {}
