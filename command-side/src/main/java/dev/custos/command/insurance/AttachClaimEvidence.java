package dev.custos.command.insurance;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach an evidence object of the tenant (the caller has checked that it exists and is visible) to the claim;
 * {@code evidenceCircleId} is the evidence's circle, which must be the claim's or none.
 */
public record AttachClaimEvidence(
        @TargetAggregateIdentifier UUID claimId,
        UUID tenantId,
        UUID evidenceId,
        UUID evidenceCircleId,
        UUID requestedBy,
        Reach reach) {}
