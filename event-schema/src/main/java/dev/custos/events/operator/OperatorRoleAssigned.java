package dev.custos.events.operator;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A platform operator gave an individual an operator role, tenant-wide (circleId null) or for one circle. */
@Revision("1")
public record OperatorRoleAssigned(
        UUID tenantId,
        UUID assignmentId,
        String roleKey,
        UUID individualId,
        UUID circleId,
        UUID assignedByIndividualId,
        Instant assignedAt) implements OperatorAction {

    @Override
    public UUID operatorIndividualId() {
        return assignedByIndividualId;
    }

    @Override
    public String actionKey() {
        return "role_assign";
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
        return assignedAt;
    }
}
