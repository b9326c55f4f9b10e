package dev.custos.command.insurance;

import dev.custos.command.Reach;
import java.time.LocalDate;
import java.util.UUID;

/** Open a claim in {@code circleId} (null: tenant-wide). */
public record OpenInsuranceClaim(
        UUID claimId,
        UUID tenantId,
        UUID circleId,
        String claimNumber,
        String policyRef,
        LocalDate lossDate,
        String title,
        UUID requestedBy,
        Reach reach) {}
