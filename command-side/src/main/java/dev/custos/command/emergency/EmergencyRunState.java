package dev.custos.command.emergency;

import java.time.Instant;
import java.util.UUID;

/**
 * A run as its last command left it: what the start and resolve commands answer, so that the caller's answer needs
 * no read of the projection.
 */
public record EmergencyRunState(
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
