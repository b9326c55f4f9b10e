package dev.custos.command.emergency;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Attach evidence of the tenant (the caller has checked that it exists and is live) to the run as a capture. */
public record AttachRunCapture(@TargetAggregateIdentifier UUID runId, UUID tenantId, UUID evidenceId, UUID requestedBy,
                               Reach reach) {
}
