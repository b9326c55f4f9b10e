package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a tenant member an operator role, tenant-wide (circleId null) or for one circle; decided on the member. */
public record AssignOperatorRole(
        UUID tenantId,
        UUID assignmentId,
        String roleKey,
        UUID individualId,
        UUID circleId,
        UUID requestedBy,
        Reach reach) {

    @TargetAggregateIdentifier
    public UUID memberStream() {
        return MemberStream.of(tenantId, individualId);
    }
}
