package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.util.UUID;

/** Start an emergency run in {@code circleId} (null: tenant-wide). */
public record StartEmergencyRun(
        UUID runId,
        UUID tenantId,
        UUID circleId,
        String runType,
        String title,
        String summary,
        String clientRequestId,
        UUID requestedBy,
        Reach reach) {}
