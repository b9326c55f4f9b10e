package dev.custos.events.operator;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A platform operator revoked a role assignment. It repeats the assignment's circle so the audit row is scoped. */
@Revision("1")
public record OperatorRoleRevoked(
        UUID tenantId,
        UUID assignmentId,
        String roleKey,
        UUID individualId,
        UUID circleId,
        UUID revokedByIndividualId,
        String reason,
        Instant revokedAt) implements OperatorAction {

    @Override
    public UUID operatorIndividualId() {
        return revokedByIndividualId;
    }

    @Override
    public String actionKey() {
        return "role_revoke";
    }

    @Override
    public String subjectType() {
        return "operator_role_assignment";
    }

    @Override
    public UUID subjectId() {
        return assignmentId;
    }

    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
