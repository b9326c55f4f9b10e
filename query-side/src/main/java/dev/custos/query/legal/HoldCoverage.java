package dev.custos.query.legal;

import dev.custos.events.custody.CustodyType;
import dev.custos.query.tenancy.TenantWrites;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What active holds cover, read over JDBC inside the caller's transaction (the command's). It runs as the write
 * role, which sees every hold of the tenant whatever its circle: a hold protects an object from everyone.
 */
@Component
public class HoldCoverage {

    /** What covers an object is decided in SQL, in one place the portal calls too ({@code custos_held}, in
     * {@code R__hold_rule.sql}). */
    private static final String COVERS = "SELECT custos_held(?, ?, false)";
    /** The sharing half of the same rule: what the portal refuses to show. */
    private static final String RESTRICTS_SHARING = "SELECT custos_held(?, ?, true)";

    /** An SQL expression that takes the tenant's hold lock, whose one argument is {@link #tenantLockKey}. */
    public static final String LOCK_TENANT = "pg_advisory_xact_lock(hashtextextended(?, 0)) IS NOT NULL";

    private final TenantWrites writes;

    public HoldCoverage(TenantWrites writes) {
        this.writes = writes;
    }

    /**
     * A transaction-scoped advisory lock per tenant: hold changes and destructions of one tenant take turns, and
     * READ COMMITTED gives each the other's committed rows once it has the lock.
     */
    public void lockTenant(UUID tenantId) {
        writes.as(tenantId).queryForObject("SELECT " + LOCK_TENANT, Boolean.class, tenantLockKey(tenantId));
    }

    /** The key of a tenant's hold lock. */
    public static String tenantLockKey(UUID tenantId) {
        return "custos:legal-holds:" + tenantId;
    }

    public boolean covers(UUID tenantId, UUID evidenceId) {
        return Boolean.TRUE.equals(writes.as(tenantId)
                .queryForObject(COVERS, Boolean.class, CustodyType.EVIDENCE_OBJECT.key(), evidenceId));
    }

    /** Whether an active restrict_sharing hold covers the object, of any type a hold can cover or contain. */
    public boolean restrictsSharing(UUID tenantId, String objectType, UUID objectId) {
        return Boolean.TRUE.equals(
                writes.as(tenantId).queryForObject(RESTRICTS_SHARING, Boolean.class, objectType, objectId));
    }

    /**
     * {@code absent}, {@code destroyed} or {@code present}: whether the object has its row in the type's read table,
     * and, for evidence, whether that row is the tombstone a destruction leaves (only evidence is ever destroyed).
     */
    public String targetState(UUID tenantId, CustodyType targetType, UUID targetId) {
        String destroyed = targetType == CustodyType.EVIDENCE_OBJECT ? "chain_status = 'destroyed'" : "false";
        return writes.as(tenantId)
                .query(
                        "SELECT " + destroyed + " FROM " + targetType.readTable() + " WHERE id = ?",
                        rows -> rows.next() ? (rows.getBoolean(1) ? "destroyed" : "present") : "absent",
                        targetId);
    }
}
