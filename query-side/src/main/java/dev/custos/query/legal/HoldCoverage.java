package dev.custos.query.legal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.custos.query.tenancy.TenantWrites;

/**
 * What active holds cover, read over JDBC inside the caller's transaction (the command's). It runs as the write
 * role, which sees every hold of the tenant whatever its circle: a hold protects an object from everyone.
 */
@Component
public class HoldCoverage {

    /**
     * What covers an object is decided in SQL, in one place the portal calls too ({@code custos_held}, in
     * {@code R__hold_rule.sql}).
     */
    private static final String COVERS = "SELECT custos_held('evidence_object', ?, false)";
    /** The sharing half of the same rule: what the portal refuses to show. */
    private static final String RESTRICTS_SHARING = "SELECT custos_held(?, ?, true)";

    private final TenantWrites writes;

    public HoldCoverage(TenantWrites writes) {
        this.writes = writes;
    }

    /**
     * A transaction-scoped advisory lock per tenant: hold changes and destructions of one tenant take turns, and
     * READ COMMITTED gives each the other's committed rows once it has the lock.
     */
    public void lockTenant(UUID tenantId) {
        writes.as(tenantId).queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 0)) IS NOT NULL",
                Boolean.class, "custos:legal-holds:" + tenantId);
    }

    public boolean covers(UUID tenantId, UUID evidenceId) {
        return Boolean.TRUE.equals(writes.as(tenantId).queryForObject(COVERS, Boolean.class,
                evidenceId));
    }

    /** Whether an active restrict_sharing hold covers the object, of any type a hold can cover or contain. */
    public boolean restrictsSharing(UUID tenantId, String objectType, UUID objectId) {
        return Boolean.TRUE.equals(writes.as(tenantId).queryForObject(RESTRICTS_SHARING, Boolean.class,
                objectType, objectId));
    }

    /** {@code absent}, {@code destroyed} or {@code present}, for a target type whose subsystem exists. */
    public String targetState(UUID tenantId, String targetType, UUID targetId) {
        JdbcTemplate jdbc = writes.as(tenantId);
        return switch (targetType) {
            case "evidence_object" -> jdbc.query(
                    "SELECT chain_status FROM cc_evidence_objects WHERE id = ?",
                    rows -> rows.next() ? ("destroyed".equals(rows.getString(1)) ? "destroyed" : "present") : "absent",
                    targetId);
            case "evidence_bundle" -> jdbc.query("SELECT 1 FROM cc_evidence_bundles WHERE id = ?",
                    rows -> rows.next() ? "present" : "absent", targetId);
            case "emergency_run" -> jdbc.query("SELECT 1 FROM cc_emergency_runs WHERE id = ?",
                    rows -> rows.next() ? "present" : "absent", targetId);
            case "claim" -> jdbc.query("SELECT 1 FROM cc_insurance_claims WHERE id = ?",
                    rows -> rows.next() ? "present" : "absent", targetId);
            case "claim_dossier" -> jdbc.query("SELECT 1 FROM cc_claim_dossiers WHERE id = ?",
                    rows -> rows.next() ? "present" : "absent", targetId);
            case "dispute" -> jdbc.query("SELECT 1 FROM cc_disputes WHERE id = ?",
                    rows -> rows.next() ? "present" : "absent", targetId);
            default -> "absent";
        };
    }
}
