package dev.custos.command.directory;

import dev.custos.events.directory.AdoptedRoleAssignment;
import java.time.Instant;
import java.util.UUID;

/**
 * A role assignment as the tenant aggregate knows it. Assign and revoke answer with it, so the caller learns the
 * outcome from the decision itself rather than from a read that circle visibility might hide.
 */
public record RoleAssignment(
        UUID assignmentId,
        String roleKey,
        UUID individualId,
        UUID circleId,
        boolean active,
        Instant assignedAt,
        UUID assignedByIndividualId,
        Instant revokedAt,
        UUID revokedByIndividualId,
        String revokeReason) {

    /** An assignment as the tenant's stream recorded it before its holder had a stream of their own. */
    static RoleAssignment adopted(AdoptedRoleAssignment held, UUID individualId) {
        return new RoleAssignment(
                held.assignmentId(),
                held.roleKey(),
                individualId,
                held.circleId(),
                held.active(),
                held.assignedAt(),
                held.assignedByIndividualId(),
                held.revokedAt(),
                held.revokedByIndividualId(),
                held.revokeReason());
    }

    RoleAssignment revoked(Instant at, UUID by, String reason) {
        return new RoleAssignment(
                assignmentId,
                roleKey,
                individualId,
                circleId,
                false,
                assignedAt,
                assignedByIndividualId,
                at,
                by,
                reason);
    }
}
