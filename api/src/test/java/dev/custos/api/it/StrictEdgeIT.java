package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The hostile rows of issue 8 that the edge answers: each sends the attack over HTTP and asserts the problem, and
 * where the attack used to write something, that nothing was written.
 */
class StrictEdgeIT extends IntegrationTest {

    private UUID operator;
    private UUID tenant;
    private Caller legal;

    @BeforeEach
    void tenantWithALegalOperator() {
        legal = legalOperatorOfNewTenant();
        operator = legal.individual();
        tenant = legal.tenant();
    }

    private WebTestClient.RequestBodySpec raw(HttpMethod method, String path) {
        return raw(method, URI.create("http://localhost:" + port + path));
    }

    /** A request with the URI exactly as given: no template encoding of its percent signs. */
    private WebTestClient.RequestBodySpec raw(HttpMethod method, URI uri) {
        return http().method(method).uri(uri).headers(h -> {
            h.setBearerAuth(Jwts.forIndividual(operator));
            h.set("x-tenant-id", tenant.toString());
        });
    }

    private long holdsInTenant() {
        return TestDatabase.count(
                databaseName(), "SELECT count(*) FROM cc_legal_holds WHERE tenant_id = '" + tenant + "'");
    }

    @Test
    void aNulInATitleIsAFieldErrorAndPlacesNoHold() {
        legal.post("/api/operator/legal/holds", Map.of("title", "\u0000", "reason", "x"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("title")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not contain control characters");
        assertThat(holdsInTenant()).isZero();
    }

    @Test
    void aNulInAReleaseReasonIsAFieldErrorAndReleasesNothing() {
        String hold = (String) legal.post("/api/operator/legal/holds", Map.of("title", "Held", "reason", "x"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "bad\u0000reason"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_legal_holds WHERE id = '" + hold + "' AND status = 'active'"))
                .isOne();
    }

    @Test
    void aReasonMayHoldLineBreaksButATitleMayNot() {
        legal.post("/api/operator/legal/holds", Map.of("title", "Two\nlines", "reason", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
        legal.post("/api/operator/legal/holds", Map.of("title", "One line", "reason", "first\nsecond\ttabbed"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("first\nsecond\ttabbed");
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        raw(HttpMethod.POST, "/api/operator/legal/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"\\ud800\",\"reason\":\"x\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
    }

    @Test
    void aTitleOverItsMaximumIsAFieldErrorAndATwoMegabyteOneIs413() {
        legal.post("/api/operator/legal/holds", Map.of("title", "t".repeat(201), "reason", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("title");
        legal.post("/api/operator/legal/holds", Map.of("title", "t".repeat(2 * 1024 * 1024), "reason", "x"))
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413);
        assertThat(holdsInTenant()).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() {
        byte[] huge =
                ("{\"title\":\"" + "t".repeat(300 * 1024) + "\",\"reason\":\"x\"}").getBytes(StandardCharsets.UTF_8);
        raw(HttpMethod.POST, "/api/operator/legal/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        reactor.core.publisher.Flux.just(
                                org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(huge)),
                        org.springframework.core.io.buffer.DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(holdsInTenant()).isZero();
    }

    @Test
    void tenMegabytesOfJsonToGrantOrTenantCreateIs413() {
        String body = "{\"name\":\"" + "n".repeat(10 * 1024 * 1024) + "\"}";
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        legal.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "n".repeat(10 * 1024 * 1024),
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        raw(HttpMethod.POST, "/api/operator/legal/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"a\",\"title\":\"b\",\"reason\":\"x\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(holdsInTenant()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text",
                "@@@/;;;",
                "application/json; charset=nope",
                "text/plain",
                "application/json; charset=ISO-8859-1"
            })
    void aPublicRouteRefusesAnUnusableContentTypeWithAProblem(String contentType) throws Exception {
        // A plain client: WebTestClient itself refuses to send a media type it cannot parse.
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/p/authority/session"))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isIn(400, 415);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + answer.statusCode());
    }

    @Test
    void anOperatorRouteRefusesANonJsonBodyWith415() {
        raw(HttpMethod.POST, "/api/operator/legal/holds")
                .header("Content-Type", "text/plain")
                .bodyValue("title=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Bodies are application/json in UTF-8");
    }

    @Test
    void anEncodedTraversalIsAProblem() {
        raw(HttpMethod.GET, URI.create("http://localhost:" + port + "/api/evidence/..%2F..%2Fetc%2Fpasswd"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void anUnknownRouteAndAWrongMethodAreProblemsThatNameNoInternals() {
        String unknown = raw(HttpMethod.GET, "/api/no-such-route")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(unknown)
                .contains("\"detail\":\"Not found\"")
                .doesNotContain("static")
                .doesNotContain("resource");
        raw(HttpMethod.PATCH, "/api/operator/legal/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(404, 405))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aControlCharacterInAQueryParameterIsRefused() {
        raw(HttpMethod.GET, URI.create("http://localhost:" + port + "/api/operator/events?action_key=a%00b"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        raw(HttpMethod.GET, "/api/operator/events?action_key=" + "a".repeat(1001))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void whatNettyCannotDecodeIsAProblemToo() throws Exception {
        // Past server.netty.max-initial-line-length (16 KiB), Netty answers before any Spring code runs.
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /api/operator/events?action_key=" + "a".repeat(20_000)
                                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 414")
                    .contains("application/problem+json")
                    .contains("\"status\":414");
        }
    }
}
