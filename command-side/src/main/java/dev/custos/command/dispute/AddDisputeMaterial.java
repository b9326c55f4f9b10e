package dev.custos.command.dispute;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add material the caller has checked (it exists, is visible from the dispute's circle and is fit) to the dispute;
 * {@code materialCircleId} is the material's circle, which must be the dispute's or none.
 */
public record AddDisputeMaterial(
        @TargetAggregateIdentifier UUID disputeId,
        UUID tenantId,
        String materialType,
        UUID materialId,
        UUID materialCircleId,
        UUID requestedBy,
        Reach reach) {}
