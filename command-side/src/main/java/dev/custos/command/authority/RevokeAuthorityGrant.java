package dev.custos.command.authority;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke a grant, for a stated reason. */
public record RevokeAuthorityGrant(
        @TargetAggregateIdentifier UUID grantId, UUID tenantId, String reason, UUID requestedBy, Reach reach) {}
