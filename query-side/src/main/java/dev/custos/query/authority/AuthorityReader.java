package dev.custos.query.authority;

import dev.custos.events.canonical.PlainJson;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reads grants, tokens and access events of the scope's tenant for operators. */
@Component
public class AuthorityReader {

    private static final JsonMapper JSON = PlainJson.MAPPER;
    private static final String GRANTS = "SELECT g.id, g.grant_type, g.title, g.description, g.circle_id, g.portal_id, "
            // A grant or token past its expiry is expired as soon as it is read, whether or not its expiry has been
            // recorded yet (that waits for the next exchange): "active" has one SQL home, custos_access_open.
            + "CASE WHEN g.status = 'active' AND NOT custos_access_open(g.status, g.expires_at) THEN 'expired' "
            + "ELSE g.status END AS status, g.created_at, g.expires_at, g.max_views, g.require_passcode, g.revoked_at, "
            + "g.revoke_reason, count(t.id) AS token_count, count(t.id) FILTER (WHERE custos_access_open(t.status, "
            + "t.expires_at) AND custos_access_open(g.status, g.expires_at)) AS active_token_count, "
            + "max(t.last_accessed_at) AS last_accessed_at, coalesce(sum(t.access_count), 0) AS access_count "
            + "FROM cc_authority_access_grants g LEFT JOIN cc_authority_access_tokens t ON t.grant_id = g.id ";
    private static final String TOKENS =
            "SELECT id, grant_id, status, expires_at, access_count " + "FROM cc_authority_access_tokens ";

    private final TenantReads reads;

    public AuthorityReader(TenantReads reads) {
        this.reads = reads;
    }

    public Flux<GrantView> grants(TenantScope scope, int limit, long offset) {
        return reads.many(
                scope,
                db -> db.sql(GRANTS + "GROUP BY g.id ORDER BY g.created_at DESC, g.id " + "LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map(AuthorityReader::grant)
                        .all());
    }

    public Mono<GrantView> grant(TenantScope scope, UUID grantId) {
        return reads.one(
                scope,
                db -> db.sql(GRANTS + "WHERE g.id = :id GROUP BY g.id")
                        .bind("id", grantId)
                        .map(AuthorityReader::grant)
                        .first());
    }

    public Mono<GrantView> grantByClientRequest(TenantScope scope, String clientRequestId) {
        return reads.one(
                scope,
                db -> db.sql(GRANTS + "WHERE g.client_request_id = :request GROUP BY g.id")
                        .bind("request", clientRequestId)
                        .map(AuthorityReader::grant)
                        .first());
    }

    /** The grant's scopes, each as {@code scope_type:scope_id}. */
    public Flux<String> scopeKeys(TenantScope scope, UUID grantId) {
        return reads.many(
                scope,
                db -> db.sql("SELECT scope_type || ':' || scope_id AS scope_key "
                                + "FROM cc_authority_access_scopes WHERE grant_id = :grant ORDER BY 1")
                        .bind("grant", grantId)
                        .map(row -> row.get("scope_key", String.class))
                        .all());
    }

    public Mono<TokenView> token(TenantScope scope, UUID tokenId) {
        return reads.one(
                scope,
                db -> db.sql(TOKENS + "WHERE id = :id")
                        .bind("id", tokenId)
                        .map(AuthorityReader::token)
                        .first());
    }

    public Mono<TokenView> tokenByClientRequest(TenantScope scope, String clientRequestId) {
        return reads.one(
                scope,
                db -> db.sql(TOKENS + "WHERE client_request_id = :request")
                        .bind("request", clientRequestId)
                        .map(AuthorityReader::token)
                        .first());
    }

    public Flux<TokenView> activeTokens(TenantScope scope, UUID grantId) {
        return reads.many(
                scope,
                db -> db.sql(TOKENS + "WHERE grant_id = :grant AND status = 'active'")
                        .bind("grant", grantId)
                        .map(AuthorityReader::token)
                        .all());
    }

    public Flux<AccessEventView> events(TenantScope scope, UUID grantId, int limit, long offset) {
        return reads.many(
                scope,
                db -> db.sql("SELECT id, event_type, token_id, event_at, ip, user_agent, path, "
                                + "event_payload::text AS payload FROM cc_authority_access_events WHERE grant_id = :grant "
                                + "ORDER BY event_at DESC, id LIMIT :limit OFFSET :offset")
                        .bind("grant", grantId)
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map(row -> new AccessEventView(
                                row.get("id", UUID.class),
                                row.get("event_type", String.class),
                                row.get("token_id", UUID.class),
                                Timestamps.toInstant(row.get("event_at", OffsetDateTime.class)),
                                row.get("ip", String.class),
                                row.get("user_agent", String.class),
                                row.get("path", String.class),
                                JSON.readTree(row.get("payload", String.class))))
                        .all());
    }

    private static GrantView grant(Readable row) {
        return new GrantView(
                row.get("id", UUID.class),
                row.get("grant_type", String.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("circle_id", UUID.class),
                row.get("portal_id", UUID.class),
                row.get("status", String.class),
                Timestamps.toInstant(row.get("created_at", OffsetDateTime.class)),
                Timestamps.toInstant(row.get("expires_at", OffsetDateTime.class)),
                row.get("max_views", Integer.class),
                Boolean.TRUE.equals(row.get("require_passcode", Boolean.class)),
                Timestamps.toInstant(row.get("revoked_at", OffsetDateTime.class)),
                row.get("revoke_reason", String.class),
                row.get("token_count", Long.class),
                row.get("active_token_count", Long.class),
                Timestamps.toInstant(row.get("last_accessed_at", OffsetDateTime.class)),
                ((Number) row.get("access_count")).longValue());
    }

    private static TokenView token(Readable row) {
        return new TokenView(
                row.get("id", UUID.class),
                row.get("grant_id", UUID.class),
                row.get("status", String.class),
                Timestamps.toInstant(row.get("expires_at", OffsetDateTime.class)),
                row.get("access_count", Integer.class));
    }
}
