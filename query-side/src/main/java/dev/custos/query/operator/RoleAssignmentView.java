package dev.custos.query.operator;

import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.util.UUID;

/** Who holds which role, tenant-wide (circleId null) or in one circle, and whether it is still active. */
public record RoleAssignmentView(
        UUID id,
        @OneOf(keysOf = OperatorRoleKey.class) String roleKey,
        UUID individualId,
        @Nullable UUID circleId,
        @OneOf({"active", "revoked"}) String status,
        Instant assignedAt,
        UUID assignedByIndividualId,
        @Nullable Instant revokedAt,
        @Nullable UUID revokedByIndividualId,
        @Nullable String revokeReason) {}
