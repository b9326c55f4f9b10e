package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;

/** Evidence helpers for the integration tests: uploads through HTTP, and hashing as a verifier would. */
public final class Evidence {

    private Evidence() {}

    /**
     * Uploads {@code content} as {@code caller} (in the caller's circle, when it has one) and answers the evidence
     * summary.
     */
    public static Map<String, Object> upload(Caller caller, String title, byte[] content) {
        return upload(caller, title, content, Map.of());
    }

    /**
     * Uploads {@code content} for a run, claim or dispute: {@code linkHeader} is {@code x-emergency-run-id},
     * {@code x-claim-id} or {@code x-dispute-id}. Answers the new evidence's id.
     */
    public static UUID uploadFor(Caller caller, String linkHeader, UUID container, String title, byte[] content) {
        return UUID.fromString((String) upload(caller, title, content, Map.of(linkHeader, container.toString()))
                .get("id"));
    }

    /** The same, with content made up from the title. */
    public static UUID uploadFor(Caller caller, String linkHeader, UUID container, String title) {
        return uploadFor(
                caller,
                linkHeader,
                container,
                title,
                (title + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> upload(Caller caller, String title, byte[] content, Map<String, String> links) {
        return (Map<String, Object>) caller.http()
                .post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(caller.individual()));
                    h.set("x-tenant-id", caller.tenant().toString());
                    h.set("x-evidence-title", title);
                    if (caller.circle() != null) {
                        h.set("x-circle-id", caller.circle().toString());
                    }
                    links.forEach(h::set);
                })
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(content)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    public static UUID uploadId(Caller caller, String title) {
        return UUID.fromString(
                (String) upload(caller, title, (title + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                        .get("id"));
    }

    /** Uploads and seals, answering the id. */
    public static UUID sealed(Caller caller, String title) {
        UUID id = uploadId(caller, title);
        caller.post("/api/evidence/" + id + "/seal", Map.of()).expectStatus().isOk();
        return id;
    }

    /** Bundles the given (sealed) evidence, seals the bundle and answers its id. */
    @SuppressWarnings("unchecked")
    public static UUID sealedBundle(Caller caller, String title, UUID... members) {
        Map<String, Object> bundle = caller.post(
                        "/api/evidence/bundles", Map.of("title", title, "evidence_ids", java.util.List.of(members)))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID id = UUID.fromString((String) bundle.get("id"));
        caller.post("/api/evidence/bundles/" + id + "/seal", Map.of())
                .expectStatus()
                .isOk();
        return id;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
