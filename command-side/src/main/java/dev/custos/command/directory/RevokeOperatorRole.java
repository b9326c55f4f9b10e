package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Revoke an active role assignment, for a stated reason. */
public record RevokeOperatorRole(@TargetAggregateIdentifier UUID tenantId, UUID assignmentId, String reason, UUID requestedBy,
        Reach reach) {
}
