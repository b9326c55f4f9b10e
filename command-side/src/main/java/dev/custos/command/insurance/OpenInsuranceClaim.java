package dev.custos.command.insurance;

import java.time.LocalDate;
import java.util.UUID;

import dev.custos.command.Reach;

/** Open a claim in {@code circleId} (null: tenant-wide). */
public record OpenInsuranceClaim(UUID claimId, UUID tenantId, UUID circleId, String claimNumber, String policyRef,
                                 LocalDate lossDate, String title, UUID requestedBy, Reach reach) {
}
