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
        Instant assignedAt) {}
