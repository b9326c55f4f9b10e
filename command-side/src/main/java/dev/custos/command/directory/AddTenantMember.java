package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Make an individual a member of the tenant. */
public record AddTenantMember(@TargetAggregateIdentifier UUID tenantId, UUID individualId, String displayName, UUID requestedBy,
        Reach reach) {
}
