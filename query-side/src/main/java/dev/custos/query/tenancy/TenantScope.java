package dev.custos.query.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * Who is reading: the tenant every row must belong to, and the individual whose circle memberships decide
 * which circle-scoped rows are visible. A null individual sees only tenant-wide rows.
 */
public record TenantScope(UUID tenantId, UUID individualId) {

    public TenantScope {
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
