package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a tenant member (checked before dispatch) a scope of the run, until {@code expiresAt} when given. */
public record GrantRunScope(
        @TargetAggregateIdentifier UUID runId,
        UUID tenantId,
        UUID scopeGrantId,
        UUID granteeIndividualId,
        String scopeKey,
        Instant expiresAt,
        UUID requestedBy,
        Reach reach) {}
