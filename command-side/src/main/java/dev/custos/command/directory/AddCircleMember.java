package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Add a tenant member to one of the tenant's circles. */
public record AddCircleMember(@TargetAggregateIdentifier UUID tenantId, UUID circleId, UUID individualId, UUID requestedBy,
        Reach reach) {
}
