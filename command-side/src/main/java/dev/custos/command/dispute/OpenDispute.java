package dev.custos.command.dispute;

import java.util.UUID;

import dev.custos.command.Reach;

/** Open a dispute in {@code circleId} (null: tenant-wide). */
public record OpenDispute(UUID disputeId, UUID tenantId, UUID circleId, String title, String counterparty,
                          UUID requestedBy, Reach reach) {
}
