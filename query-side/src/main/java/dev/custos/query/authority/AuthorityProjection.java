package dev.custos.query.authority;

import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.authority.AuthorityGrantExpired;
import dev.custos.events.authority.AuthorityGrantRevoked;
import dev.custos.events.authority.AuthorityScopeAdded;
import dev.custos.events.authority.AuthorityTokenExpired;
import dev.custos.events.authority.AuthorityTokenIssued;
import dev.custos.events.authority.AuthorityTokenRevoked;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds grants, scopes and tokens in the command's transaction: the portal checks them on every request, so a
 * revocation must hold the moment it is answered. Access counts only move forward, so replays change nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class AuthorityProjection {

    private final TenantWrites writes;

    AuthorityProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AuthorityGrantCreated event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_authority_access_grants (id, tenant_id, circle_id, portal_id, "
                                + "grant_type, title, description, created_at, created_by_individual_id, expires_at, max_views, "
                                + "require_passcode, client_request_id, metadata) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_build_object('allow_unsealed', ?)) "
                                + "ON CONFLICT (id) DO NOTHING",
                        event.grantId(),
                        event.tenantId(),
                        event.circleId(),
                        event.portalId(),
                        event.grantType(),
                        event.title(),
                        event.description(),
                        Timestamps.of(event.createdAt()),
                        event.createdByIndividualId(),
                        Timestamps.of(event.expiresAt()),
                        event.maxViews(),
                        event.requirePasscode(),
                        event.clientRequestId(),
                        event.allowUnsealed());
    }

    @EventHandler
    void on(AuthorityScopeAdded event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_authority_access_scopes (id, tenant_id, grant_id, scope_type, "
                                + "scope_id, added_at, added_by_individual_id, label, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO NOTHING",
                        event.scopeId(),
                        event.tenantId(),
                        event.grantId(),
                        event.scopeType(),
                        event.scopeObjectId(),
                        Timestamps.of(event.addedAt()),
                        event.addedByIndividualId(),
                        event.label(),
                        event.notes());
    }

    @EventHandler
    void on(AuthorityGrantRevoked event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_authority_access_grants SET status = 'revoked', revoked_at = ?, "
                                + "revoked_by_individual_id = ?, revoke_reason = ? WHERE id = ?",
                        Timestamps.of(event.revokedAt()),
                        event.revokedByIndividualId(),
                        event.reason(),
                        event.grantId());
    }

    @EventHandler
    void on(AuthorityGrantExpired event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_authority_access_grants SET status = 'expired' "
                                + "WHERE id = ? AND status = 'active'",
                        event.grantId());
    }

    @EventHandler
    void on(AuthorityTokenIssued event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_authority_access_tokens (id, tenant_id, grant_id, token_hash, "
                                + "issued_at, issued_by_individual_id, expires_at, client_request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO NOTHING",
                        event.tokenId(),
                        event.tenantId(),
                        event.grantId(),
                        event.tokenHash(),
                        Timestamps.of(event.issuedAt()),
                        event.issuedByIndividualId(),
                        Timestamps.of(event.expiresAt()),
                        event.clientRequestId());
    }

    @EventHandler
    void on(AuthorityTokenRevoked event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_authority_access_tokens SET status = 'revoked', revoked_at = ?, "
                                + "revoked_by_individual_id = ?, revoke_reason = ? WHERE id = ?",
                        Timestamps.of(event.revokedAt()),
                        event.revokedByIndividualId(),
                        event.reason(),
                        event.tokenId());
    }

    @EventHandler
    void on(AuthorityTokenExpired event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_authority_access_tokens SET status = 'expired' "
                                + "WHERE id = ? AND status = 'active'",
                        event.tokenId());
    }

    @EventHandler
    void on(AuthorityAccessAllowed event) {
        if (event.viewCounted()) {
            writes.as(event.tenantId())
                    .update(
                            "UPDATE cc_authority_access_tokens SET "
                                    + "access_count = greatest(access_count, ?), last_accessed_at = greatest(last_accessed_at, ?) "
                                    + "WHERE id = ?",
                            event.viewNumber(),
                            Timestamps.of(event.at()),
                            event.tokenId());
        }
    }
}
