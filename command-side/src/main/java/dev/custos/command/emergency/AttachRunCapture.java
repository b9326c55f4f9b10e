package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach evidence of the tenant (the caller has checked that it exists and is live) to the run as a capture;
 * {@code evidenceCircleId} is the evidence's circle, which must be the run's or none.
 */
public record AttachRunCapture(
        @TargetAggregateIdentifier UUID runId,
        UUID tenantId,
        UUID evidenceId,
        UUID evidenceCircleId,
        UUID requestedBy,
        Reach reach) {}
