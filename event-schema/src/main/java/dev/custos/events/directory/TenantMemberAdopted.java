package dev.custos.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A member recorded in the tenant's own stream (before members had streams of their own, and the tenant's first
 * operator) got a stream of its own, carrying what the tenant's events had said of it: its circles and its role
 * assignments. It changes nothing a reader sees; it moves where the member's later events are decided.
 */
@Revision("1")
public record TenantMemberAdopted(
        UUID tenantId,
        UUID individualId,
        List<UUID> circleIds,
        List<AdoptedRoleAssignment> assignments,
        Instant adoptedAt) {

    public TenantMemberAdopted {
        circleIds = List.copyOf(circleIds);
        assignments = List.copyOf(assignments);
    }
}
