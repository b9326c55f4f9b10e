package dev.custos.query.directory;

import dev.custos.query.tenancy.TenantWrites;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tenant's members as committed, read over JDBC inside the action's own transaction: whether an individual is a
 * member is decided in the transaction that adds it, never from a read taken before.
 */
@Component
public class CommittedMembers {

    private final TenantWrites writes;

    public CommittedMembers(TenantWrites writes) {
        this.writes = writes;
    }

    /** Whether {@code individualId} is a member of the tenant; the row, if any, stays locked until the end. */
    public boolean isMember(UUID tenantId, UUID individualId) {
        return !writes.as(tenantId)
                .queryForList(
                        "SELECT 1 FROM cc_tenant_members WHERE tenant_id = ? " + "AND individual_id = ? FOR SHARE",
                        Integer.class,
                        tenantId,
                        individualId)
                .isEmpty();
    }
}
