package dev.custos.query.authority;

import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityDownloadIssued;
import dev.custos.events.authority.AuthorityGrantRevoked;
import dev.custos.events.authority.AuthorityPasscodeFailed;
import dev.custos.events.authority.AuthorityRateLimited;
import dev.custos.events.authority.AuthorityTokenIssued;
import dev.custos.events.authority.AuthorityTokenRevoked;
import dev.custos.events.canonical.PlainJson;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends {@code cc_authority_access_events}: one row per access-relevant event, keyed by the event id so replays
 * add nothing. Payloads hold reasons and ids only; no event carries a raw token, passcode or signed URL to copy.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class AccessLogProjection {

    private static final JsonMapper JSON = PlainJson.MAPPER;

    private final TenantWrites writes;

    AccessLogProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(AuthorityTokenIssued event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "token_issued",
                event.issuedAt(),
                null,
                null,
                null,
                Map.of("expires_at", event.expiresAt().toString()));
    }

    @EventHandler
    void on(AuthorityTokenRevoked event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "token_revoked",
                event.revokedAt(),
                null,
                null,
                null,
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(AuthorityGrantRevoked event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                null,
                "grant_revoked",
                event.revokedAt(),
                null,
                null,
                null,
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(AuthorityAccessAllowed event, EventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("view_counted", event.viewCounted());
        payload.put("view_number", event.viewNumber());
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "access_allowed",
                event.at(),
                event.ip(),
                event.userAgent(),
                event.path(),
                payload);
    }

    @EventHandler
    void on(AuthorityAccessDenied event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "access_denied",
                event.at(),
                event.ip(),
                event.userAgent(),
                event.path(),
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(AuthorityPasscodeFailed event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "passcode_failed",
                event.at(),
                event.ip(),
                event.userAgent(),
                event.path(),
                Map.of());
    }

    @EventHandler
    void on(AuthorityRateLimited event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "rate_limited",
                event.at(),
                event.ip(),
                event.userAgent(),
                event.path(),
                Map.of());
    }

    @EventHandler
    void on(AuthorityDownloadIssued event, EventMessage<?> message) {
        row(
                message,
                event.tenantId(),
                event.grantId(),
                event.tokenId(),
                "download_issued",
                event.at(),
                event.ip(),
                event.userAgent(),
                event.path(),
                Map.of("evidence_id", event.evidenceId().toString()));
    }

    private void row(
            EventMessage<?> message,
            UUID tenantId,
            UUID grantId,
            UUID tokenId,
            String type,
            Instant at,
            String ip,
            String userAgent,
            String path,
            Map<String, ?> payload) {
        writes.as(tenantId)
                .update(
                        "INSERT INTO cc_authority_access_events (id, tenant_id, "
                                + "grant_id, token_id, event_type, event_at, ip, user_agent, path, event_payload) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (id) DO NOTHING",
                        UUID.fromString(message.getIdentifier()),
                        tenantId,
                        grantId,
                        tokenId,
                        type,
                        Timestamps.of(at),
                        ip,
                        userAgent,
                        path,
                        JSON.writeValueAsString(payload));
    }
}
