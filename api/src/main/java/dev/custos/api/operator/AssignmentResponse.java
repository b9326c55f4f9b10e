package dev.custos.api.operator;

import java.time.Instant;
import java.util.UUID;

import dev.custos.command.directory.RoleAssignment;
import dev.custos.query.operator.RoleAssignmentView;

/** A role assignment as the contract shows it. */
public record AssignmentResponse(
        UUID id,
        String roleKey,
        UUID individualId,
        UUID circleId,
        String status,
        Instant assignedAt,
        UUID assignedByIndividualId,
        Instant revokedAt,
        UUID revokedByIndividualId,
        String revokeReason) {

    static AssignmentResponse of(RoleAssignment decided) {
        return new AssignmentResponse(decided.assignmentId(), decided.roleKey(), decided.individualId(),
                decided.circleId(), decided.active() ? "active" : "revoked", decided.assignedAt(),
                decided.assignedByIndividualId(), decided.revokedAt(), decided.revokedByIndividualId(),
                decided.revokeReason());
    }

    static AssignmentResponse of(RoleAssignmentView row) {
        return new AssignmentResponse(row.id(), row.roleKey(), row.individualId(), row.circleId(), row.status(),
                row.assignedAt(), row.assignedByIndividualId(), row.revokedAt(), row.revokedByIndividualId(),
                row.revokeReason());
    }
}
