package dev.custos.command.legal;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Extend a hold to one more target. */
public record AddLegalHoldTarget(
        @TargetAggregateIdentifier UUID holdId,
        UUID tenantId,
        String targetType,
        UUID targetId,
        UUID targetCircleId,
        UUID requestedBy,
        Reach reach) {}
