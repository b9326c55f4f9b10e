package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Bags;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import gov.loc.repository.bagit.domain.Bag;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * 200 MiB through the whole service, which the build runs in a 256 MiB heap (see the {@code bounded-heap}
 * execution in api/pom.xml): the upload must stream to storage, and an export of it must stream into a bag, never
 * gathering the file or the bag in memory.
 */
class StreamingUploadIT extends IntegrationTest {

    private static final int CHUNK = 1024 * 1024;
    private static final int CHUNKS = 200;

    @DynamicPropertySource
    static void largerLimit(DynamicPropertyRegistry registry) {
        registry.add("custos.max-upload-bytes", () -> String.valueOf(300L * CHUNK));
    }

    @Test
    void twoHundredMebibytesStreamThroughABoundedHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("this test must run with -Xmx256m")
                .isLessThanOrEqualTo(256L * CHUNK);
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);

        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        Map<?, ?> summary = upload(operator, tenant, expected, Map.of());

        assertThat(((Number) summary.get("content_bytes")).longValue()).isEqualTo((long) CHUNKS * CHUNK);
        assertThat(summary.get("content_sha256")).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        // Reading it back for verification streams too.
        as(operator, tenant)
                .post("/api/evidence/" + summary.get("id") + "/verify", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ok")
                .isEqualTo(true);
    }

    /** The export of a dossier listing the 200 MiB streams from the store through the zip into the store again. */
    @Test
    void aDossierOfTwoHundredMebibytesExportsThroughABoundedHeap(@TempDir Path into) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * CHUNK);
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller insurance = as(operator, tenant);
        insurance.assign("insurance_operator", operator, null);
        Map<?, ?> claim = insurance
                .post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-VIDEO",
                                "policy_ref",
                                "POL-1",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Site survey"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        upload(operator, tenant, expected, Map.of("x-claim-id", (String) claim.get("id")));
        String videoSha = HexFormat.of().formatHex(expected.digest());
        Map<?, ?> dossier = insurance
                .post("/api/operator/insurance/claims/" + claim.get("id") + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        Map<?, ?> export = insurance
                .post("/api/operator/insurance/dossiers/" + dossier.get("id") + "/export", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Bag bag = Bags.downloadAndValidate(export, into);
        assertThat(bag.getPayLoadManifests().iterator().next().getFileToChecksumMap())
                .containsValue(videoSha);
    }

    private Map<?, ?> upload(UUID operator, UUID tenant, MessageDigest digest, Map<String, String> headers)
            throws Exception {
        // java.net.http streams the body; WebTestClient would keep a copy of it for its diagnostics.
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/evidence"))
                .header("Authorization", "Bearer " + Jwts.forIndividual(operator))
                .header("x-tenant-id", tenant.toString())
                .header("x-evidence-title", "site survey video")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(digest)));
        headers.forEach(upload::header);
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(upload.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readValue(response.body(), Map.class);
    }

    /** {@value #CHUNKS} MiB made up as they are read, hashed on the way out: the test holds none of it. */
    private static final class GeneratedContent extends InputStream {

        private final MessageDigest digest;
        private final byte[] chunk = new byte[CHUNK];
        private int chunkIndex = -1;
        private int position = CHUNK;

        GeneratedContent(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == CHUNK) {
                if (chunkIndex + 1 == CHUNKS) {
                    return -1;
                }
                chunkIndex++;
                for (int i = 0; i < CHUNK; i += 4096) {
                    chunk[i] = (byte) (chunkIndex + i);
                }
                digest.update(chunk);
                position = 0;
            }
            int count = Math.min(length, CHUNK - position);
            System.arraycopy(chunk, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
