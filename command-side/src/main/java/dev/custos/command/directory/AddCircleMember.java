package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a tenant member to one of the tenant's circles. */
public record AddCircleMember(@TargetAggregateIdentifier UUID tenantId, UUID circleId, UUID individualId, UUID requestedBy) {
}
