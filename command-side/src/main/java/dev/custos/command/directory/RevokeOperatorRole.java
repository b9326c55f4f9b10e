package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke an active role assignment, for a stated reason. */
public record RevokeOperatorRole(@TargetAggregateIdentifier UUID tenantId, UUID assignmentId, String reason, UUID requestedBy) {
}
