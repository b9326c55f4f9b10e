package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * One role assignment a member held when the member's directory entry moved into its own stream: the whole
 * assignment, revoked or not, so a later revocation answers with it and a second revocation is refused.
 */
public record AdoptedRoleAssignment(
        UUID assignmentId,
        String roleKey,
        UUID circleId,
        boolean active,
        Instant assignedAt,
        UUID assignedByIndividualId,
        Instant revokedAt,
        UUID revokedByIndividualId,
        String revokeReason) {}
