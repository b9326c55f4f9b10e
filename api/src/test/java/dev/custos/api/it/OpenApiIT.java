package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AnswerContract;
import dev.custos.api.support.IntegrationTest;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The OpenAPI 3.1 description is served without credentials and lists every route of the contract so far. */
class OpenApiIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Value("${local.management.port}")
    private int managementPort;

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * The generated client and newcomers read {@code docs/openapi.json}; it must be what the service serves, with
     * the servers' URL at the default port. Refresh it with the command in docs/API.md (Conventions).
     */
    @Test
    void theCommittedDocumentIsTheServedOne() throws java.io.IOException {
        String served = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.shared();
        tools.jackson.databind.JsonNode servedTree = json.readTree(served);
        servedTree
                .path("servers")
                .forEach(server ->
                        ((tools.jackson.databind.node.ObjectNode) server).put("url", "http://localhost:8080"));
        tools.jackson.databind.JsonNode committed =
                json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "openapi.json")));
        assertThat(servedTree)
                .as("docs/openapi.json differs from the served document: refresh it (docs/API.md, Conventions)")
                .isEqualTo(committed);
    }

    @Test
    void everySuccessAnswerHasAnExampleThatItsSchemaTakes() {
        assertThat(AnswerContract.of(port).examplesThatBreakTheirSchemas()).isEmpty();
    }

    @Test
    void everyRouteIsDescribed() {
        Map<?, ?> document = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) document.get("openapi")).startsWith("3.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths.keySet())
                .contains(
                        "/api/tenants",
                        "/api/tenants/members",
                        "/api/circles",
                        "/api/circles/{id}/members",
                        "/api/operator/roles",
                        "/api/operator/roles/assign",
                        "/api/operator/roles/assignments/{id}/revoke",
                        "/api/operator/events",
                        "/api/evidence",
                        "/api/evidence/{id}",
                        "/api/evidence/{id}/seal",
                        "/api/evidence/{id}/verify",
                        "/api/evidence/bundles",
                        "/api/evidence/bundles/{id}",
                        "/api/evidence/bundles/{id}/seal",
                        "/api/operator/legal/holds",
                        "/api/operator/legal/holds/{id}/targets",
                        "/api/operator/legal/holds/{id}/release",
                        "/api/authority/grants",
                        "/api/authority/grants/{id}/scopes",
                        "/api/authority/grants/{id}/tokens",
                        "/api/authority/tokens/{id}/revoke",
                        "/api/authority/grants/{id}/revoke",
                        "/api/authority/grants/{id}/events",
                        "/p/authority",
                        "/p/authority/session",
                        "/p/authority/index",
                        "/p/authority/bundles/{id}/manifest",
                        "/p/authority/dossiers/{id}",
                        "/p/authority/evidence/{id}",
                        "/p/authority/evidence/{id}/download",
                        "/api/admin/projections/rebuild");
        Map<?, ?> assign = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/operator/roles/assign")).get("post");
        assertThat(assign.get("operationId")).isEqualTo("assignOperatorRole");
        assertThat(((Map<?, ?>) assign.get("responses")).containsKey("201")).isTrue();
    }

    /** A custody type field lists the catalogue's types of its use: the document offers what validation takes. */
    @Test
    @SuppressWarnings("unchecked")
    void eachCustodyTypeFieldListsTheCatalogueTypesOfItsUse() {
        Map<String, Object> document = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Map<String, Map<String, Map<String, Object>>>> schemas = (Map<
                        String, Map<String, Map<String, Map<String, Object>>>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat((List<String>) schemas.get("AddTargetRequest")
                        .get("properties")
                        .get("target_type")
                        .get("enum"))
                .containsExactlyElementsOf(CustodyType.keys(Use.HOLD));
        assertThat((List<String>) schemas.get("AddScopeRequest")
                        .get("properties")
                        .get("scope_type")
                        .get("enum"))
                .containsExactlyElementsOf(CustodyType.keys(Use.SCOPE));
        assertThat((List<String>) schemas.get("AddMaterialRequest")
                        .get("properties")
                        .get("material_type")
                        .get("enum"))
                .containsExactlyElementsOf(CustodyType.keys(Use.MATERIAL));
    }

    /** Every text a caller can send has a declared maximum, and the document shows it; names are the wire's. */
    @Test
    @SuppressWarnings("unchecked")
    void everyRequestTextFieldShowsItsMaximumLengthInSnakeCase() {
        Map<String, Object> document = http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Map<String, Object>> schemas =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        java.util.Set<String> requestSchemas = new java.util.TreeSet<>();
        ((Map<String, Map<String, Map<String, Object>>>) document.get("paths"))
                .values()
                .forEach(item -> item.values().forEach(operation -> {
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    if (body != null) {
                        ((Map<String, Map<String, Object>>) body.get("content"))
                                .values().stream()
                                        .map(media -> ((Map<String, Object>) media.get("schema")).get("$ref"))
                                        .filter(java.util.Objects::nonNull)
                                        .forEach(ref -> requestSchemas.add(
                                                String.valueOf(ref).replaceFirst(".*/", "")));
                    }
                }));
        assertThat(requestSchemas).contains("PlaceHoldRequest", "CreateGrantRequest", "IssueTokenRequest");
        List<String> unbounded = new java.util.ArrayList<>();
        for (String name : requestSchemas) {
            Map<String, Map<String, Object>> properties =
                    (Map<String, Map<String, Object>>) schemas.get(name).getOrDefault("properties", Map.of());
            properties.forEach((property, schema) -> {
                assertThat(property).as(name + "." + property).matches("[a-z0-9_]+");
                boolean text = "string".equals(schema.get("type"))
                        || (schema.get("type") instanceof List<?> types && types.contains("string"));
                boolean bounded =
                        schema.containsKey("maxLength") || schema.containsKey("enum") || schema.containsKey("format");
                if (text && !bounded) {
                    unbounded.add(name + "." + property);
                }
            });
        }
        assertThat(unbounded).as("text fields without maxLength").isEmpty();
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        java.util.UUID operator = java.util.UUID.randomUUID();
        as(operator, createTenant(operator)).addMember(java.util.UUID.randomUUID());
        // The scrape carries latency histograms of every command type: larger than the default 256 KiB buffer.
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        management
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("custos_commands_seconds_count{")
                        .contains("custos_portal_requests_total{")
                        .contains("custos_operator_actions_seconds_count{method=\"POST\",outcome=\"done\","
                                + "route=\"/api/tenants/members\"}")
                        .contains("custos_access_log_pending")
                        .contains("http_server_requests_seconds")
                        .doesNotContain("spring_security_filterchains")
                        .doesNotContain("logback_events"));
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/metrics")) {
            // 404 where the path is open, 401 where it is not: either way nothing of the management port shows.
            http().get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .is4xxClientError()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("custos_"));
        }
    }

    @Test
    void portalAnswersAreCountedByWhatTheySaid() {
        double allowed = portalOutcome("allowed");
        double denied = portalOutcome("denied");
        double notFound = portalOutcome("not_found");

        http().get().uri("/p/authority/index").exchange().expectStatus().isUnauthorized();
        // No route: the 404 is written by the problem handler after the chain failed, and still counts as a 404.
        http().get().uri("/p/authority/no-such-route").exchange().expectStatus().isNotFound();

        assertThat(portalOutcome("denied")).isEqualTo(denied + 1);
        assertThat(portalOutcome("not_found")).isEqualTo(notFound + 1);
        assertThat(portalOutcome("allowed")).isEqualTo(allowed);
    }

    private double portalOutcome(String outcome) {
        return meters.get("custos.portal.requests")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void anUnknownPathIsAProblemNotAPage() {
        http().get().uri("/nothing-here").exchange().expectHeader().contentType("application/problem+json");
    }
}
