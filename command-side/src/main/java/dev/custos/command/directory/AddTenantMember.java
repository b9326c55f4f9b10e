package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an individual a member of the tenant; the member's own stream starts here. */
public record AddTenantMember(UUID tenantId, UUID individualId, String displayName, UUID requestedBy, Reach reach) {

    @TargetAggregateIdentifier
    public UUID memberStream() {
        return MemberStream.of(tenantId, individualId);
    }
}
