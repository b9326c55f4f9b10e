package dev.custos.query.operator;

import dev.custos.events.directory.TenantCreated;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.operator.OperatorRoleRevoked;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code cc_operator_roles} and {@code cc_operator_role_assignments}. Roles decide every operator request,
 * so this runs in the command's transaction like the directory.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class OperatorRoleProjection {

    private final TenantWrites writes;

    OperatorRoleProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(TenantCreated event) {
        JdbcTemplate jdbc = writes.as(event.tenantId());
        for (OperatorRoleKey role : OperatorRoleKey.values()) {
            jdbc.update(
                    "INSERT INTO cc_operator_roles (id, tenant_id, role_key, title, description) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    role.roleIdIn(event.tenantId()),
                    event.tenantId(),
                    role.key(),
                    role.title(),
                    role.description());
        }
        insertAssignment(
                jdbc,
                event.firstOperatorAssignmentId(),
                event.tenantId(),
                null,
                event.firstOperatorIndividualId(),
                OperatorRoleKey.PLATFORM_OPERATOR.key(),
                event.createdByIndividualId(),
                event.createdAt());
    }

    @EventHandler
    void on(OperatorRoleAssigned event) {
        insertAssignment(
                writes.as(event.tenantId()),
                event.assignmentId(),
                event.tenantId(),
                event.circleId(),
                event.individualId(),
                event.roleKey(),
                event.assignedByIndividualId(),
                event.assignedAt());
    }

    @EventHandler
    void on(OperatorRoleRevoked event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_operator_role_assignments SET status = 'revoked', revoked_at = ?, "
                                + "revoked_by_individual_id = ?, revoke_reason = ? WHERE id = ?",
                        Timestamps.of(event.revokedAt()),
                        event.revokedByIndividualId(),
                        event.reason(),
                        event.assignmentId());
    }

    private void insertAssignment(
            JdbcTemplate jdbc,
            UUID id,
            UUID tenantId,
            UUID circleId,
            UUID individualId,
            String roleKey,
            UUID assignedBy,
            Instant assignedAt) {
        UUID roleId = OperatorRoleKey.fromKey(roleKey).orElseThrow().roleIdIn(tenantId);
        jdbc.update(
                "INSERT INTO cc_operator_role_assignments (id, tenant_id, circle_id, individual_id, role_id, "
                        + "assigned_at, assigned_by_individual_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'active') "
                        + "ON CONFLICT (id) DO NOTHING",
                id,
                tenantId,
                circleId,
                individualId,
                roleId,
                Timestamps.of(assignedAt),
                assignedBy);
    }
}
