package dev.custos.query.portal;

import dev.custos.events.canonical.PlainJson;
import dev.custos.query.Timestamps;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the portal's SECURITY DEFINER functions, and nothing else. Each read answers empty when the session no
 * longer counts (the token or grant was revoked or expired), and an empty item when the object is not in scope.
 */
@Component
public class PortalQueries {

    /** A function's answer: whether the session still counts, and the object (absent when not in scope). */
    public record Answer(boolean sessionActive, Optional<JsonNode> item) {}

    private static final JsonMapper JSON = PlainJson.MAPPER;

    private final PortalDatabase portal;

    public PortalQueries(PortalDatabase portal) {
        this.portal = portal;
    }

    public Mono<TokenLookup> lookup(String tokenHash) {
        return portal.client()
                .sql("SELECT * FROM cc_authority_validate_token(:hash) WHERE tenant_id IS NOT NULL")
                .bind("hash", tokenHash)
                .map(row -> new TokenLookup(
                        row.get("tenant_id", UUID.class),
                        row.get("grant_id", UUID.class),
                        row.get("token_id", UUID.class),
                        row.get("token_hash", String.class),
                        Timestamps.toInstant(row.get("expires_at", OffsetDateTime.class)),
                        row.get("token_status", String.class),
                        row.get("grant_status", String.class),
                        Timestamps.toInstant(row.get("grant_expires_at", OffsetDateTime.class)),
                        Boolean.TRUE.equals(row.get("require_passcode", Boolean.class)),
                        row.get("passcode_hash", String.class)))
                .first();
    }

    public Mono<Answer> index(UUID tenantId, UUID grantId, UUID tokenId) {
        return call(
                "SELECT cc_authority_list_scope_index(:tenant, :grant, :token)::text AS answer",
                tenantId,
                grantId,
                tokenId,
                null);
    }

    public Mono<Answer> bundleManifest(UUID tenantId, UUID grantId, UUID tokenId, UUID bundleId) {
        return call(
                "SELECT cc_authority_get_bundle_manifest(:tenant, :grant, :token, :object)::text AS answer",
                tenantId,
                grantId,
                tokenId,
                bundleId);
    }

    public Mono<Answer> dossier(UUID tenantId, UUID grantId, UUID tokenId, UUID dossierId) {
        return call(
                "SELECT cc_authority_get_dossier(:tenant, :grant, :token, :object)::text AS answer",
                tenantId,
                grantId,
                tokenId,
                dossierId);
    }

    public Mono<Answer> evidence(UUID tenantId, UUID grantId, UUID tokenId, UUID evidenceId) {
        return call(
                "SELECT cc_authority_get_evidence_object_summary(:tenant, :grant, :token, :object)::text AS answer",
                tenantId,
                grantId,
                tokenId,
                evidenceId);
    }

    private Mono<Answer> call(String sql, UUID tenantId, UUID grantId, UUID tokenId, UUID objectId) {
        var spec = portal.client()
                .sql(sql)
                .bind("tenant", tenantId)
                .bind("grant", grantId)
                .bind("token", tokenId);
        if (objectId != null) {
            spec = spec.bind("object", objectId);
        }
        return spec.map(row -> row.get("answer", String.class)).one().map(text -> {
            JsonNode answer = JSON.readTree(text);
            boolean active = "active".equals(answer.path("session").asString());
            JsonNode item = answer.get("item");
            return new Answer(active, item == null || item.isNull() ? Optional.empty() : Optional.of(item));
        });
    }
}
