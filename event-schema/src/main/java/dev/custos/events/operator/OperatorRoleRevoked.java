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
        Instant revokedAt) {}
