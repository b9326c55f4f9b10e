package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A tenant came into being. It carries its first operator, who became a member and a tenant-wide
 * {@code platform_operator} in the same decision, so that a tenant is never without someone able to run it.
 * The four operator roles are seeded from {@link dev.custos.events.operator.OperatorRoleKey}.
 */
@Revision("1")
public record TenantCreated(
        UUID tenantId,
        String name,
        UUID firstOperatorIndividualId,
        UUID firstOperatorAssignmentId,
        UUID createdByIndividualId,
        Instant createdAt) {}
