package dev.custos.command.legal;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Extend a hold to one more target. */
public record AddLegalHoldTarget(
        @TargetAggregateIdentifier UUID holdId, UUID tenantId, String targetType, UUID targetId, UUID targetCircleId,
        UUID requestedBy,
        Reach reach) {
}
