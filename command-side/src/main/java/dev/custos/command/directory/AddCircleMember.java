package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a tenant member to one of the tenant's circles (the API has found the circle); decided on the member. */
public record AddCircleMember(UUID tenantId, UUID circleId, UUID individualId, UUID requestedBy, Reach reach) {

    @TargetAggregateIdentifier
    public UUID memberStream() {
        return MemberStream.of(tenantId, individualId);
    }
}
