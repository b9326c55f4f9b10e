package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A title in any language survives end to end: upload (raw UTF-8 or RFC 8187), summary, bundle manifest, the
 * portal, and the download's {@code filename*}.
 */
class TitlesInAnyLanguageIT extends IntegrationTest {

    private Caller operator;

    @BeforeEach
    void tenantWithAnOperator() {
        UUID individual = UUID.randomUUID();
        operator = as(individual, createTenant(individual));
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /**
     * Uploads with the title header as exact bytes, over a socket: HTTP clients replace what they think is not
     * Latin-1, and the point is to send what a careless client really sends.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> upload(String header, byte[] value) throws Exception {
        byte[] body = ("content " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.write(("POST /api/evidence HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Authorization: Bearer " + Jwts.forIndividual(operator.individual()) + "\r\n"
                            + "x-tenant-id: " + operator.tenant() + "\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: " + body.length + "\r\n" + header + ": ")
                    .getBytes(StandardCharsets.US_ASCII));
            request.write(value);
            request.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 201");
            String json = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            json = json.substring(json.indexOf('{'), json.lastIndexOf('}') + 1);
            return new tools.jackson.databind.json.JsonMapper().readValue(json, Map.class);
        }
    }

    private static byte[] rfc8187(String title) {
        return ("UTF-8''"
                        + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Report 7", "résumé.pdf", "Ζημιά στέγης", "屋根の損傷 写真", "roof 🏠 photo 📷"})
    void aTitleIsStoredAndShownExactlyAsWritten(String title) throws Exception {
        for (Map<String, Object> summary : new Map[] {
            upload("x-evidence-title", title.getBytes(StandardCharsets.UTF_8)),
            upload("x-evidence-title*", rfc8187(title))
        }) {
            assertThat(summary.get("title")).isEqualTo(title);
            UUID id = UUID.fromString((String) summary.get("id"));
            operator.get("/api/evidence/" + id)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo(title);
            operator.post("/api/evidence/" + id + "/seal", Map.of())
                    .expectStatus()
                    .isOk();
            UUID bundle = Evidence.sealedBundle(operator, "Bundle", id);
            operator.get("/api/evidence/bundles/" + bundle)
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).contains(title));

            Shares.Share share = Shares.share(
                    operator, Instant.now().plus(1, ChronoUnit.DAYS), null, null, Map.of("evidence_bundle", bundle));
            String session = Shares.session(http(), share.token().raw(), null);
            Shares.get(http(), session, "/p/authority/bundles/" + bundle + "/manifest")
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).contains(title));
            Shares.get(http(), session, "/p/authority/evidence/" + id)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo(title);
            Map<?, ?> link = Shares.post(http(), session, "/p/authority/evidence/" + id + "/download")
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            Shares.SECRETS.add((String) link.get("url"));
            HttpResponse<byte[]> download = CLIENT.send(
                    HttpRequest.newBuilder(URI.create((String) link.get("url")))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String disposition =
                    download.headers().firstValue("Content-Disposition").orElseThrow();
            String encoded = disposition.replaceFirst(".*filename\\*=UTF-8''", "");
            assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .isEqualTo(title);
        }
    }
}
