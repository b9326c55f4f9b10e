package dev.custos.command.authority;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Revoke a grant, for a stated reason. */
public record RevokeAuthorityGrant(@TargetAggregateIdentifier UUID grantId, UUID tenantId, String reason,
                                   UUID requestedBy,
        Reach reach) {
}
