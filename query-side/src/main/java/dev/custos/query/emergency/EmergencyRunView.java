package dev.custos.query.emergency;

import java.time.Instant;
import java.util.UUID;

/** An emergency run as the read model holds it, with the bundle of its newest record pack (null: none yet). */
public record EmergencyRunView(
        UUID id,
        UUID circleId,
        String runType,
        String title,
        String summary,
        String status,
        Instant startedAt,
        UUID startedByIndividualId,
        Instant resolvedAt,
        UUID resolvedByIndividualId,
        String resolutionNote,
        UUID latestRecordPackBundleId) {}
