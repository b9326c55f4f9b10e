package dev.custos.command.dispute;

import dev.custos.command.Reach;
import java.util.UUID;

/** Open a dispute in {@code circleId} (null: tenant-wide). */
public record OpenDispute(
        UUID disputeId,
        UUID tenantId,
        UUID circleId,
        String title,
        String counterparty,
        UUID requestedBy,
        Reach reach) {}
