package dev.custos.api.support;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP integration tests: the whole service on a random port, against a real PostgreSQL, called over
 * real HTTP with real JWTs. All test classes share one context and database; each test makes its own tenants,
 * so tests never see each other's data (which is also what row-level security promises).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final String DATABASE_URL = TestDatabase.createDatabase();
    /** Where the embedded S3 keeps this context's blobs: a fresh folder, never the developer's ./data. */
    private static final String DATA_DIR = TestDatabase.freshDirectory("custos-it-data");

    @Value("${local.server.port}")
    protected int port;

    /** A database asked for by the test class whose context is being made, if it wants one of its own. */
    private static String ownDatabaseOfTheNextContext;

    /**
     * Gives the context about to be made a database of its own, for a class whose writes behind the service's back
     * must not reach other classes (a poison event would break their rebuilds). Called from that class's own
     * {@code @DynamicPropertySource} method, which Spring runs before this class's.
     */
    protected static void ownDatabase(String url) {
        ownDatabaseOfTheNextContext = url;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = ownDatabaseOfTheNextContext != null ? ownDatabaseOfTheNextContext : DATABASE_URL;
        ownDatabaseOfTheNextContext = null;
        registry.add("custos.db.url", () -> url);
        registry.add("custos.db.user", () -> TestDatabase.OWNER);
        registry.add("custos.db.password", () -> "owner");
        registry.add("custos.db.runtime-password", () -> "runtime-password");
        registry.add("custos.auth.hs256-secret", () -> Jwts.SECRET);
        registry.add("custos.data-dir", () -> DATA_DIR);
        // Tests sign checkpoints when they mean to (Checkpoints, or POST /api/audit/checkpoints); a periodic round
        // in between would make their numbering depend on timing. The round's own work is tested directly.
        registry.add("custos.audit.checkpoint-interval", () -> "1h");
    }

    /** Where this context's embedded S3 keeps its blobs: the files a tampering test edits. */
    protected static java.nio.file.Path blobDirectory() {
        return java.nio.file.Path.of(DATA_DIR, "blobs");
    }

    protected static String databaseUrl() {
        return DATABASE_URL;
    }

    /** The name of this context's database, for superuser connections. */
    protected static String databaseName() {
        return DATABASE_URL.replaceFirst(".*/([^/?]+).*", "$1");
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                // Every answer a test receives is held to the OpenAPI document (AnswerContract).
                .filter(AnswerContract.of(port).filter())
                .build();
    }

    /** A tenant made through the API by a platform admin, with {@code firstOperator} as its platform operator. */
    protected UUID createTenant(UUID firstOperator) {
        Map<?, ?> body = http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Tenant " + firstOperator, "first_operator_individual_id", firstOperator))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) body.get("tenant_id"));
    }

    /** A new tenant whose first operator (its platform operator) also holds the legal role, acting as that operator. */
    protected Caller legalOperatorOfNewTenant() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("legal_operator", operator, null);
        return as(operator, tenant);
    }

    /** A request builder acting as {@code individual} in {@code tenant}. */
    protected Caller as(UUID individual, UUID tenant) {
        return new Caller(http(), individual, tenant, null);
    }

    /** Sends requests as one individual in one tenant, and optionally one circle. */
    public record Caller(WebTestClient http, UUID individual, UUID tenant, UUID circle) {

        public Caller inCircle(UUID circleId) {
            return new Caller(http, individual, tenant, circleId);
        }

        public WebTestClient.ResponseSpec post(String path, Object body) {
            return http.post()
                    .uri(path)
                    .headers(this::headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange();
        }

        public WebTestClient.ResponseSpec get(String path) {
            return http.get().uri(path).headers(this::headers).exchange();
        }

        public WebTestClient.ResponseSpec delete(String path) {
            return http.delete().uri(path).headers(this::headers).exchange();
        }

        private void headers(org.springframework.http.HttpHeaders headers) {
            headers.setBearerAuth(Jwts.forIndividual(individual));
            if (tenant != null) {
                headers.set("x-tenant-id", tenant.toString());
            }
            if (circle != null) {
                headers.set("x-circle-id", circle.toString());
            }
        }

        /** Adds a tenant member; the caller must be a platform operator. */
        public void addMember(UUID member) {
            post("/api/tenants/members", Map.of("individual_id", member))
                    .expectStatus()
                    .isCreated();
        }

        /** Assigns a role and answers the assignment id; the caller must be a platform operator. */
        public UUID assign(String roleKey, UUID member, UUID circleId) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("role_key", roleKey, "individual_id", member));
            if (circleId != null) {
                body.put("circle_id", circleId);
            }
            Map<?, ?> answer = post("/api/operator/roles/assign", body)
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            return UUID.fromString((String) answer.get("id"));
        }

        /** Creates a circle with the given members (already tenant members) and answers its id. */
        public UUID circleWith(UUID... members) {
            Map<?, ?> circle = post("/api/circles", Map.of("name", "Circle"))
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            UUID circleId = UUID.fromString((String) circle.get("circle_id"));
            for (UUID member : members) {
                post("/api/circles/" + circleId + "/members", Map.of("individual_id", member))
                        .expectStatus()
                        .isCreated();
            }
            return circleId;
        }
    }
}
