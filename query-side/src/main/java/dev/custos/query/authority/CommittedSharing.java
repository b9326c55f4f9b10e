package dev.custos.query.authority;

import dev.custos.events.custody.CustodyType;
import dev.custos.query.tenancy.TenantWrites;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a share or a revocation decides from, read as committed over JDBC inside the action's own transaction, so no
 * other transaction can change it between the read and the commands that depend on it: the rows read are locked
 * {@code FOR SHARE} until the transaction ends (a revocation or a destruction, which update them, waits).
 */
@Component
public class CommittedSharing {

    /** What a token of the grant is issued from: the grant's stored status, expiry and view limit. */
    public record GrantTerms(String status, Instant expiresAt, Integer maxViews) {}

    private final TenantWrites writes;

    public CommittedSharing(TenantWrites writes) {
        this.writes = writes;
    }

    /** The grant's terms, or empty when the tenant has no such grant. */
    public Optional<GrantTerms> grant(UUID tenantId, UUID grantId) {
        return writes
                .as(tenantId)
                .query(
                        "SELECT status, expires_at, max_views FROM cc_authority_access_grants "
                                + "WHERE id = ? FOR SHARE",
                        (row, index) -> new GrantTerms(
                                row.getString("status"),
                                row.getObject("expires_at", OffsetDateTime.class)
                                        .toInstant(),
                                row.getObject("max_views", Integer.class)),
                        grantId)
                .stream()
                .findFirst();
    }

    /** The grant's tokens still recorded active, in id order. */
    public List<UUID> activeTokens(UUID tenantId, UUID grantId) {
        return writes.as(tenantId)
                .queryForList(
                        "SELECT id FROM cc_authority_access_tokens "
                                + "WHERE grant_id = ? AND status = 'active' ORDER BY id FOR SHARE",
                        UUID.class,
                        grantId);
    }

    /**
     * Whether the object a scope would show is sealed, or empty when the tenant has no such object (or it was
     * destroyed). A dossier never changes once assembled, and a claim's fields never change once opened: both are
     * as fixed as a sealed object. Each type is decided here, without a default, so that a new custody type cannot
     * be shared before this says how.
     */
    public Optional<Boolean> sealed(UUID tenantId, CustodyType objectType, UUID objectId) {
        String sql = switch (objectType) {
            case EVIDENCE_BUNDLE -> "SELECT status = 'sealed' FROM cc_evidence_bundles WHERE id = ? FOR SHARE";
            case EVIDENCE_OBJECT ->
                "SELECT sealed_at IS NOT NULL FROM cc_evidence_objects "
                        + "WHERE id = ? AND chain_status <> 'destroyed' FOR SHARE";
            case CLAIM_DOSSIER -> "SELECT true FROM cc_claim_dossiers WHERE id = ?";
            case CLAIM -> "SELECT true FROM cc_insurance_claims WHERE id = ?";
            // Not scopable: the catalogue refuses them before this.
            case EMERGENCY_RUN, DISPUTE -> null;
        };
        return sql == null
                ? Optional.empty()
                : writes.as(tenantId).queryForList(sql, Boolean.class, objectId).stream()
                        .findFirst();
    }
}
