package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.MerkleTree;
import dev.custos.verify.VerifyAuditCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Checks what the audit routes answer the way an auditor would: over HTTP, then with {@code custos verify-audit}. */
public final class AuditProofs {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private AuditProofs() {}

    /** What the verifier said: its exit code and its stdout. */
    public record Verdict(int exit, String output) {}

    /** Saves the public key the service publishes now, as an auditor pins it before anything could change. */
    public static Path pinPublicKey(Caller auditor, Path directory) throws IOException {
        Map<?, ?> published = auditor.get("/api/audit/checkpoints")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return Files.writeString(directory.resolve("key.pem"), (String) published.get("public_key"));
    }

    /** Fetches the checkpoints, then the stream (that order: section 2 of AUDIT.md), and verifies them offline. */
    public static Verdict fetchAndVerify(Caller auditor, Path directory, Path publicKey) throws IOException {
        Path checkpoints = Files.write(
                directory.resolve("checkpoints.json"),
                auditor.get("/api/audit/checkpoints")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody());
        byte[] lines = auditor.get("/api/audit/stream")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        Path stream = Files.write(directory.resolve("stream.ndjson"), lines == null ? new byte[0] : lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyAuditCommand.run(
                new String[] {
                    "--stream",
                    stream.toString(),
                    "--checkpoints",
                    checkpoints.toString(),
                    "--public-key",
                    publicKey.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        return new Verdict(exit, out.toString(StandardCharsets.UTF_8));
    }

    /** Whether a checkpoint (as the JSON answer's map) is signed by the PEM public key, over the tenant's head. */
    public static boolean signedBy(Map<?, ?> checkpoint, UUID tenantId, String publicKeyPem) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(ChainEncoding.checkpointBytes(
                tenantId,
                ((Number) checkpoint.get("seq")).longValue(),
                (String) checkpoint.get("hash"),
                (String) checkpoint.get("signed_at"),
                (String) checkpoint.get("prev_signature"),
                (String) checkpoint.get("key_id")));
        return signature.verify(Base64.getDecoder().decode((String) checkpoint.get("signature")));
    }

    /** The NDJSON lines of a stream, parsed. */
    public static List<JsonNode> lines(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                lines.add(ChainEncoding.JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The tenant's whole stream as the auditor receives it. */
    public static String stream(Caller auditor) {
        byte[] body = auditor.get("/api/audit/stream")
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * A stream line's Merkle leaf hash, its entry bytes made the way any JCS implementation makes them: the line
     * without its two hashes, serialized by the stock RFC 8785 library rather than the service's own code path.
     */
    public static byte[] leafOf(JsonNode line) {
        ObjectNode entry = (ObjectNode) line.deepCopy();
        entry.remove(List.of("prev_hash", "hash"));
        try {
            return MerkleTree.leafHash(new JsonCanonicalizer(PLAIN.writeValueAsString(entry)).getEncodedUTF8());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
