package dev.custos.query.operator;

import java.time.Instant;
import java.util.UUID;

/** Who holds which role, tenant-wide (circleId null) or in one circle, and whether it is still active. */
public record RoleAssignmentView(
        UUID id,
        String roleKey,
        UUID individualId,
        UUID circleId,
        String status,
        Instant assignedAt,
        UUID assignedByIndividualId,
        Instant revokedAt,
        UUID revokedByIndividualId,
        String revokeReason) {}
