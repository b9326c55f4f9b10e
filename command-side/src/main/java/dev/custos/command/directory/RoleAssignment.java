package dev.custos.command.directory;

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

    RoleAssignment revoked(Instant at, UUID by, String reason) {
        return new RoleAssignment(assignmentId, roleKey, individualId, circleId, false, assignedAt,
                assignedByIndividualId, at, by, reason);
    }
}
