package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke one scope grant of the run, for a stated reason. */
public record RevokeRunScope(
        @TargetAggregateIdentifier UUID runId,
        UUID tenantId,
        UUID scopeGrantId,
        String reason,
        UUID requestedBy,
        Reach reach) {}
