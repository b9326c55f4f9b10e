package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.blob.S3Endpoint;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Evidence over HTTP against real PostgreSQL and the embedded S3Proxy. */
class EvidenceIT extends IntegrationTest {

    @Autowired
    S3Client s3;

    @Autowired
    S3Endpoint store;

    private UUID operator;
    private UUID tenant;
    private Caller me;

    @BeforeEach
    void tenantWithAnOperator() {
        operator = UUID.randomUUID();
        tenant = createTenant(operator);
        me = as(operator, tenant);
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<String> storedKeys() {
        return s3
                .listObjectsV2(list -> list.bucket(store.bucket()).prefix("tenants/" + tenant + "/"))
                .contents()
                .stream()
                .map(object -> object.key())
                .toList();
    }

    @Test
    void anUploadIsStoredWithTheHashComputedByTheServer() throws Exception {
        byte[] content = "the photograph of the damaged roof".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> summary = Evidence.upload(me, "Roof photo", content);

        assertThat(summary.get("content_sha256")).isEqualTo(Evidence.sha256(content));
        assertThat(((Number) summary.get("content_bytes")).longValue()).isEqualTo(content.length);
        assertThat(summary.get("chain_status")).isEqualTo("open");
        assertThat(summary.get("title")).isEqualTo("Roof photo");
        assertThat(summary.get("content_mime")).isEqualTo("text/plain");
        // No storage field: the object is reached only through the signed link.
        assertThat(summary.keySet()).doesNotContain("blob_key", "r2_key", "bucket", "key");

        byte[] stored = download((String) summary.get("url"));
        assertThat(stored).isEqualTo(content);
        assertThat(Evidence.sha256(stored)).isEqualTo(summary.get("content_sha256"));
    }

    @Test
    void theDownloadLinkIsAnAttachmentSignedForAMinute() throws Exception {
        Map<String, Object> summary = Evidence.upload(me, "Report 7/B", "x".getBytes(StandardCharsets.UTF_8));
        String url = (String) summary.get("url");
        assertThat(url).contains("X-Amz-Expires=60").contains("X-Amz-Signature=");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Report_7_B\"; filename*=UTF-8''Report%207_B");
        // A tampered signature is refused by the store.
        String tampered = url.replaceFirst("X-Amz-Signature=([0-9a-f])", "X-Amz-Signature=0$1")
                .substring(0, url.length());
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(tampered))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
        long limit = 100L * 1024 * 1024;
        int chunk = 1024 * 1024;
        // Streamed without a length, so the limit is enforced while reading, not from a header.
        Flux<DataBuffer> tooMuch = Flux.range(0, (int) (limit / chunk) + 1)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[chunk]));
        http().post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(operator));
                    h.set("x-tenant-id", tenant.toString());
                    h.set("x-evidence-title", "too big");
                })
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(tooMuch, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType("application/problem+json");
        // Declared too large: refused from the header, before a byte of the body is sent.
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/evidence HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Authorization: Bearer " + Jwts.forIndividual(operator) + "\r\n"
                                    + "x-tenant-id: " + tenant + "\r\nx-evidence-title: too big\r\n"
                                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (limit + 1)
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }

        assertThat(storedKeys()).isEmpty();
        assertThat(capturedEventsOfTenant()).isZero();
    }

    @Test
    void anUploadAbortedMidwayLeavesNoObjectAndNoEvent() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/evidence HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + Jwts.forIndividual(operator) + "\r\n"
                            + "x-tenant-id: " + tenant + "\r\nx-evidence-title: cut off\r\n"
                            + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            // More than one part, so that a multipart upload is under way when the client goes away.
            for (int i = 0; i < 12; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> storedKeys().isEmpty()
                        && s3.listMultipartUploads(
                                        list -> list.bucket(store.bucket()).prefix("tenants/" + tenant + "/"))
                                .uploads()
                                .isEmpty());
        assertThat(capturedEventsOfTenant()).isZero();
    }

    private long capturedEventsOfTenant() throws Exception {
        try (Connection superuser = TestDatabase.superuser(databaseName());
                ResultSet rows = superuser
                        .createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%EvidenceCaptured' "
                                        + "AND convert_from(payload, 'UTF8') LIKE '%" + tenant + "%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anUploadWithoutATitleIsABadRequest() {
        http().post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(operator));
                    h.set("x-tenant-id", tenant.toString());
                })
                .bodyValue("content")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void anotherTenantsEvidenceIsNotFound() {
        UUID evidence = Evidence.uploadId(me, "Mine");
        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        other.get("/api/evidence/" + evidence).expectStatus().isNotFound();
        other.post("/api/evidence/" + evidence + "/seal", Map.of())
                .expectStatus()
                .isNotFound();
        other.post("/api/evidence/" + evidence + "/verify", Map.of())
                .expectStatus()
                .isNotFound();
        other.delete("/api/evidence/" + evidence).expectStatus().isNotFound();
        me.get("/api/evidence/" + evidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chain_status")
                .isEqualTo("open");
    }

    @Test
    void sealingIsOnceAndRecordsTheTime() {
        UUID evidence = Evidence.uploadId(me, "Statement");
        me.post("/api/evidence/" + evidence + "/seal", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chain_status")
                .isEqualTo("sealed")
                .jsonPath("$.sealed_at")
                .isNotEmpty();
        me.post("/api/evidence/" + evidence + "/seal", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void onlyOperatorsSealVerifyOrDestroy() {
        UUID member = UUID.randomUUID();
        me.addMember(member);
        UUID evidence = Evidence.uploadId(as(member, tenant), "Member's upload");
        as(member, tenant)
                .post("/api/evidence/" + evidence + "/seal", Map.of())
                .expectStatus()
                .isForbidden();
        as(member, tenant)
                .post("/api/evidence/" + evidence + "/verify", Map.of())
                .expectStatus()
                .isForbidden();
        as(member, tenant).delete("/api/evidence/" + evidence).expectStatus().isForbidden();
        as(member, tenant).get("/api/evidence/" + evidence).expectStatus().isOk();
    }

    @Test
    void verifyDetectsATamperedBlobAndTheFailureStaysVisible() {
        byte[] content = "original".getBytes(StandardCharsets.UTF_8);
        UUID evidence =
                UUID.fromString((String) Evidence.upload(me, "Ledger", content).get("id"));
        me.post("/api/evidence/" + evidence + "/verify", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ok")
                .isEqualTo(true)
                .jsonPath("$.computed_sha256")
                .isEqualTo(Evidence.sha256(content));

        String key = "tenants/" + tenant + "/evidence/" + evidence;
        assertThat(storedKeys()).contains(key);
        byte[] altered = "altered!".getBytes(StandardCharsets.UTF_8);
        s3.putObject(put -> put.bucket(store.bucket()).key(key), RequestBody.fromBytes(altered));

        me.post("/api/evidence/" + evidence + "/verify", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ok")
                .isEqualTo(false)
                .jsonPath("$.content_sha256")
                .isEqualTo(Evidence.sha256(content))
                .jsonPath("$.computed_sha256")
                .isEqualTo(Evidence.sha256(altered));
        me.get("/api/evidence/" + evidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chain_status")
                .isEqualTo("integrity_failed");
    }

    @Test
    void destroyingRemovesTheBlobAndKeepsTheRecord() {
        UUID evidence = Evidence.uploadId(me, "Old note");
        String key = "tenants/" + tenant + "/evidence/" + evidence;
        assertThat(storedKeys()).contains(key);
        me.delete("/api/evidence/" + evidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chain_status")
                .isEqualTo("destroyed")
                .jsonPath("$.url")
                .doesNotExist();
        assertThat(storedKeys()).doesNotContain(key);
        me.delete("/api/evidence/" + evidence).expectStatus().isEqualTo(409);
        me.get("/api/evidence/" + evidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content_sha256")
                .isNotEmpty();
    }
}
