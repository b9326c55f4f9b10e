package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke an active role assignment, for a stated reason. {@code individualId} is the assignment's holder, whose
 * stream decides it; an assignment the holder does not have is not found.
 */
public record RevokeOperatorRole(
        UUID tenantId, UUID assignmentId, UUID individualId, String reason, UUID requestedBy, Reach reach) {

    @TargetAggregateIdentifier
    public UUID memberStream() {
        return MemberStream.of(tenantId, individualId);
    }
}
