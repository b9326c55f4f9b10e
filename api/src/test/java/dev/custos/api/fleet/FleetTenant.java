package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant made through the API for one test, and its first operator (platform and legal operator), acting on
 * whichever instance each call names: the operator side of the contract, over plain HTTP.
 */
final class FleetTenant {

    private final FleetHttp http;
    private final UUID tenantId;
    private final Map<String, String> headers;

    private FleetTenant(FleetHttp http, UUID tenantId, UUID operator) {
        this.http = http;
        this.tenantId = tenantId;
        this.headers =
                Map.of("Authorization", "Bearer " + Jwts.forIndividual(operator), "x-tenant-id", tenantId.toString());
    }

    /** A new tenant whose first operator also holds the legal role, set up through {@code at}. */
    static FleetTenant create(Fleet fleet, ServiceInstance at) {
        UUID operator = UUID.randomUUID();
        Answer tenant = fleet.http()
                .postJson(
                        at.uri("/api/tenants"),
                        Map.of("Authorization", "Bearer " + Jwts.forAdmin(UUID.randomUUID())),
                        Map.of("name", "Fleet tenant " + operator, "first_operator_individual_id", operator));
        assertThat(tenant.status()).as("tenant creation: %s", tenant.describe()).isEqualTo(201);
        FleetTenant created = new FleetTenant(fleet.http(), UUID.fromString(tenant.field("tenant_id")), operator);
        Answer role = created.post(
                at, "/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", operator));
        assertThat(role.status()).as("legal role: %s", role.describe()).isEqualTo(201);
        return created;
    }

    UUID id() {
        return tenantId;
    }

    Answer placeHold(ServiceInstance at) {
        return post(at, "/api/operator/legal/holds", Map.of("title", "Fleet hold", "reason", "litigation expected"));
    }

    /** Places a hold and answers its id; fails the test unless it is 201. */
    UUID hold(ServiceInstance at) {
        Answer placed = placeHold(at);
        assertThat(placed.status())
                .as("hold placed on instance %s: %s", at.index(), placed.describe())
                .isEqualTo(201);
        return UUID.fromString(placed.field("id"));
    }

    Answer addTarget(ServiceInstance at, UUID hold, UUID evidence) {
        return post(
                at,
                "/api/operator/legal/holds/" + hold + "/targets",
                Map.of("target_type", "evidence_object", "target_id", evidence));
    }

    Answer release(ServiceInstance at, UUID hold) {
        return post(at, "/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"));
    }

    Answer upload(ServiceInstance at, String title) {
        Map<String, String> upload = new HashMap<>(headers);
        upload.put("Content-Type", "text/plain");
        upload.put("x-evidence-title", title);
        return http.postBytes(
                at.uri("/api/evidence"), upload, (title + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads and seals an evidence object and answers its id; fails the test unless both succeed. */
    UUID sealedEvidence(ServiceInstance at, String title) {
        Answer uploaded = upload(at, title);
        assertThat(uploaded.status()).as("upload: %s", uploaded.describe()).isEqualTo(201);
        String id = uploaded.field("id");
        Answer sealed = post(at, "/api/evidence/" + id + "/seal", Map.of());
        assertThat(sealed.status()).as("seal: %s", sealed.describe()).isEqualTo(200);
        return UUID.fromString(id);
    }

    Answer evidence(ServiceInstance at, UUID id) {
        return http.get(at.uri("/api/evidence/" + id), headers);
    }

    Answer grants(ServiceInstance at) {
        return http.get(at.uri("/api/authority/grants"), headers);
    }

    /** A grant of {@code maxViews} scoped to one sealed evidence object, and one raw share token for it. */
    String shareToken(ServiceInstance at, int maxViews, UUID sealedEvidence) {
        Answer grant = post(
                at,
                "/api/authority/grants",
                Map.of(
                        "grant_type",
                        "adjuster",
                        "title",
                        "Fleet share",
                        "expires_at",
                        Instant.now()
                                .plus(7, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        "max_views",
                        maxViews));
        assertThat(grant.status()).as("grant: %s", grant.describe()).isEqualTo(201);
        String grantId = grant.field("id");
        Answer scope = post(
                at,
                "/api/authority/grants/" + grantId + "/scopes",
                Map.of("scope_type", "evidence_object", "scope_id", sealedEvidence));
        assertThat(scope.status()).as("scope: %s", scope.describe()).isEqualTo(201);
        Answer token = post(at, "/api/authority/grants/" + grantId + "/tokens", Map.of());
        assertThat(token.status()).as("token: %s", token.describe()).isEqualTo(201);
        return token.field("token");
    }

    private Answer post(ServiceInstance at, String path, Object body) {
        return http.postJson(at.uri(path), headers, body);
    }
}
