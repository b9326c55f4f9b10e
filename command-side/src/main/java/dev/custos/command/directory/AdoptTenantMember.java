package dev.custos.command.directory;

import dev.custos.events.directory.AdoptedRoleAssignment;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a member that the tenant's own stream recorded a stream of its own, with what that stream said of it. Sent
 * by the API, never by an operator, the first time a command needs the member's stream and finds none.
 */
public record AdoptTenantMember(
        UUID tenantId, UUID individualId, List<UUID> circleIds, List<AdoptedRoleAssignment> assignments) {

    @TargetAggregateIdentifier
    public UUID memberStream() {
        return MemberStream.of(tenantId, individualId);
    }
}
