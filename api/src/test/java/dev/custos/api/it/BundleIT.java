package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bundles: sealing needs sealed members, and the manifest hash recomputes from the served manifest. */
class BundleIT extends IntegrationTest {

    private Caller me;

    @BeforeEach
    void tenantWithAnOperator() {
        UUID operator = UUID.randomUUID();
        me = as(operator, createTenant(operator));
    }

    private UUID bundle(UUID... members) {
        Map<?, ?> created = me.post(
                        "/api/evidence/bundles", Map.of("title", "Claim 7 pack", "evidence_ids", List.of(members)))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.get("status")).isEqualTo("open");
        return UUID.fromString((String) created.get("id"));
    }

    /** The creation answers from its command, not from a read, and says exactly what a read says afterwards. */
    @Test
    void aNewBundleAndANewEvidenceObjectAnswerWhatAReadShows() {
        Map<String, Object> uploaded = Evidence.upload(me, "Roof", "roof photo".getBytes(StandardCharsets.UTF_8));
        Map<?, ?> readBack = me.get("/api/evidence/" + uploaded.get("id"))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> withoutLink = new java.util.HashMap<>(uploaded);
        Map<Object, Object> readWithoutLink = new java.util.HashMap<>(readBack);
        assertThat(withoutLink.remove("url")).isNotNull();
        assertThat(readWithoutLink.remove("url")).isNotNull();
        assertThat(withoutLink).isEqualTo(readWithoutLink).containsEntry("chain_status", "open");

        Map<?, ?> created = me.post(
                        "/api/evidence/bundles",
                        Map.of("title", "Claim 7 pack", "evidence_ids", List.of(UUID.fromString((String)
                                uploaded.get("id")))))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(me.get("/api/evidence/bundles/" + created.get("id"))
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(created);
    }

    @Test
    void theManifestHashRecomputesFromTheServedManifest() {
        byte[] content = "damage report".getBytes(StandardCharsets.UTF_8);
        UUID first = UUID.fromString(
                (String) Evidence.upload(me, "Report \"A\"", content).get("id"));
        me.post("/api/evidence/" + first + "/seal", Map.of()).expectStatus().isOk();
        UUID second = Evidence.sealed(me, "Photo");
        UUID bundle = bundle(first, second);

        Map<?, ?> sealed = me.post("/api/evidence/bundles/" + bundle + "/seal", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String manifest = (String) sealed.get("manifest_json");
        assertThat(sealed.get("status")).isEqualTo("sealed");
        assertThat(Evidence.sha256(manifest.getBytes(StandardCharsets.UTF_8))).isEqualTo(sealed.get("manifest_sha256"));
        assertThat(manifest).doesNotContain(" \"").doesNotContain("\n");

        JsonNode parsed = JsonMapper.builder().build().readTree(manifest);
        assertThat(parsed.get("bundle_id").asString()).isEqualTo(bundle.toString());
        assertThat(parsed.get("title").asString()).isEqualTo("Claim 7 pack");
        assertThat(parsed.get("sealed_at").asString()).isEqualTo(sealed.get("sealed_at"));
        assertThat(parsed.get("members")).hasSize(2);
        JsonNode report = parsed.get("members")
                .valueStream()
                .filter(member -> member.get("id").asString().equals(first.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(report.get("title").asString()).isEqualTo("Report \"A\"");
        assertThat(report.get("content_sha256").asString()).isEqualTo(Evidence.sha256(content));
        assertThat(report.get("content_bytes").asLong()).isEqualTo(content.length);

        // Reading it again serves the same bytes.
        me.get("/api/evidence/bundles/" + bundle)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.manifest_json")
                .isEqualTo(manifest);
        me.post("/api/evidence/bundles/" + bundle + "/seal", Map.of())
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aBundleWithAnUnsealedMemberCannotBeSealed() {
        UUID bundle = bundle(Evidence.sealed(me, "Sealed"), Evidence.uploadId(me, "Open"));
        me.post("/api/evidence/bundles/" + bundle + "/seal", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("every member must be sealed before the bundle");
        me.get("/api/evidence/bundles/" + bundle)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("open");
    }

    @Test
    void aBundleOfAnotherTenantsEvidenceIsNotFound() {
        UUID stranger = UUID.randomUUID();
        UUID foreign = Evidence.uploadId(as(stranger, createTenant(stranger)), "Theirs");
        me.post("/api/evidence/bundles", Map.of("title", "x", "evidence_ids", List.of(foreign)))
                .expectStatus()
                .isNotFound();
        me.post("/api/evidence/bundles", Map.of("title", "x", "evidence_ids", List.of()))
                .expectStatus()
                .isBadRequest();
    }
}
