package dev.custos.verify;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real audit trail of one tenant, built the way the service builds it: the chain with {@link ChainEncoding},
 * checkpoints signed with a fresh Ed25519 key, and the stream and checkpoints answers in the service's formats.
 * Its lines and checkpoints are mutable, so a test can tamper with them before writing the files.
 */
final class AuditTrail {

    static final UUID TENANT = UUID.fromString("6c1f3a52-8d0e-4b7a-9c21-5e4f0a7b3d19");
    private static final Instant FIRST_SIGNED = Instant.parse("2026-12-04T16:00:00.123Z");

    final KeyPair signingKey = newKey();
    /** The stream's lines, seq 1 first. */
    final List<String> lines = new ArrayList<>();
    /** The checkpoints, oldest first; written newest first, as the service lists them. */
    final List<Map<String, Object>> checkpoints = new ArrayList<>();

    private final List<String> hashes = new ArrayList<>();

    /** {@code events} events, and a checkpoint at each of {@code checkpointSeqs}, all signed by {@link #signingKey}. */
    static AuditTrail of(int events, long... checkpointSeqs) {
        return of(AuditTrail::event, events, checkpointSeqs);
    }

    /** The same, with the event at each seq from {@code eventAt}. */
    static AuditTrail of(java.util.function.LongFunction<ChainedEvent> eventAt, int events, long... checkpointSeqs) {
        AuditTrail trail = new AuditTrail();
        byte[] previous = ChainEncoding.genesis(TENANT);
        for (long seq = 1; seq <= events; seq++) {
            ChainedEvent event = eventAt.apply(seq);
            byte[] hash = ChainEncoding.link(previous, event);
            trail.lines.add(line(seq, event, previous, hash));
            trail.hashes.add(ChainEncoding.hex(hash));
            previous = hash;
        }
        String previousSignature = null;
        for (long seq : checkpointSeqs) {
            Map<String, Object> checkpoint =
                    trail.checkpoint(trail.checkpoints.size() + 1, seq, previousSignature, trail.signingKey);
            trail.checkpoints.add(checkpoint);
            previousSignature = (String) checkpoint.get("signature");
        }
        return trail;
    }

    /** An event like the service's: an aggregate's or, every tenth, a portal access without aggregate. */
    static ChainedEvent event(long seq) {
        boolean portalAccess = seq % 10 == 0;
        JsonNode payload = ChainEncoding.JSON.readTree("{\"tenantId\":\"" + TENANT + "\",\"amount\":12.50,"
                + "\"note\":\"entry " + seq + " – été\",\"tags\":[\"a\",null,1E+3],\"nested\":{\"z\":1,\"a\":true}}");
        return new ChainedEvent(
                UUID.nameUUIDFromBytes(("event " + seq).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                portalAccess ? "dev.custos.events.portal.PortalAccessed" : "dev.custos.events.case.CaseUpdated",
                portalAccess ? null : "1",
                portalAccess ? null : "Case",
                portalAccess ? null : "case-" + (seq % 3),
                portalAccess ? 0 : seq / 3,
                "2026-12-04T15:" + String.format("%02d", seq % 60) + ":00.123Z",
                payload);
    }

    /** One stream line, as {@code GET /api/audit/stream} writes it. */
    static String line(long seq, ChainedEvent event, byte[] prevHash, byte[] hash) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("event_id", event.eventId());
        line.put("event_type", event.eventType());
        line.put("event_revision", event.revision());
        line.put("aggregate_type", event.aggregateType());
        line.put("aggregate_id", event.aggregateId());
        line.put("aggregate_sequence", event.aggregateSequence());
        line.put("occurred_at", event.occurredAt());
        line.put("payload", event.payload());
        line.put("prev_hash", ChainEncoding.hex(prevHash));
        line.put("hash", ChainEncoding.hex(hash));
        return ChainEncoding.JSON.writeValueAsString(line);
    }

    /** Checkpoint {@code number} over the head at {@code seq}, signed by {@code key} under its own key id. */
    Map<String, Object> checkpoint(long number, long seq, String previousSignature, KeyPair key) {
        String signedAt = FIRST_SIGNED.plusSeconds(60 * number).toString();
        String hash = hashAt(seq);
        String signature =
                sign(key, ChainEncoding.checkpointBytes(TENANT, seq, hash, signedAt, previousSignature, keyId(key)));
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("number", number);
        checkpoint.put("seq", seq);
        checkpoint.put("hash", hash);
        checkpoint.put("signed_at", signedAt);
        checkpoint.put("signature", signature);
        checkpoint.put("prev_signature", previousSignature);
        checkpoint.put("key_id", keyId(key));
        return checkpoint;
    }

    String hashAt(long seq) {
        return hashes.get((int) seq - 1);
    }

    /** Recomputes prev_hash and hash from line {@code from} on: what someone without the signing key can do. */
    void rechain(int from) {
        byte[] previous = from == 1 ? ChainEncoding.genesis(TENANT) : ChainEncoding.unhex(field(from - 1, "hash"));
        for (int number = from; number <= lines.size(); number++) {
            ObjectNode line = parse(number);
            ChainedEvent event = new ChainedEvent(
                    text(line, "event_id"),
                    text(line, "event_type"),
                    text(line, "event_revision"),
                    text(line, "aggregate_type"),
                    text(line, "aggregate_id"),
                    line.get("aggregate_sequence").asLong(),
                    text(line, "occurred_at"),
                    line.get("payload"));
            byte[] hash = ChainEncoding.link(previous, event);
            line.put("prev_hash", ChainEncoding.hex(previous));
            line.put("hash", ChainEncoding.hex(hash));
            set(number, line);
            previous = hash;
        }
    }

    private static String text(JsonNode line, String name) {
        return line.get(name).isNull() ? null : line.get(name).stringValue();
    }

    /** Line {@code number} (1-based) as a JSON object, to tamper with and {@link #set}. */
    ObjectNode parse(int number) {
        return (ObjectNode) ChainEncoding.JSON.readTree(lines.get(number - 1));
    }

    void set(int number, JsonNode line) {
        lines.set(number - 1, ChainEncoding.JSON.writeValueAsString(line));
    }

    String field(int number, String name) {
        return text(parse(number), name);
    }

    /** Writes the stream, the checkpoints answer and the trusted key file, and runs the command on them. */
    Run verify(Path directory, KeyPair... trusted) throws IOException {
        Path stream = Files.write(directory.resolve("stream.ndjson"), lines, StandardCharsets.UTF_8);
        Path checkpointsFile = Files.writeString(directory.resolve("checkpoints.json"), checkpointsAnswer());
        Path keys =
                writeKeys(directory.resolve("trusted.pem"), trusted.length == 0 ? new KeyPair[] {signingKey} : trusted);
        return run(
                "--stream",
                stream.toString(),
                "--checkpoints",
                checkpointsFile.toString(),
                "--public-key",
                keys.toString());
    }

    /** The answer of GET /api/audit/checkpoints: newest first, listing the signing key (which must not count). */
    String checkpointsAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant_id", TENANT.toString());
        answer.put("algorithm", "Ed25519");
        answer.put("key_id", keyId(signingKey));
        answer.put("public_key", pem(signingKey));
        answer.put("keys", List.of(Map.of("key_id", keyId(signingKey), "public_key", pem(signingKey))));
        List<Map<String, Object>> newestFirst = new ArrayList<>(checkpoints);
        Collections.reverse(newestFirst);
        answer.put("checkpoints", newestFirst);
        return ChainEncoding.JSON.writeValueAsString(answer);
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyAuditCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path writeKeys(Path file, KeyPair... keys) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (KeyPair key : keys) {
            pem.append(pem(key));
        }
        return Files.writeString(file, pem);
    }

    static String pem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Computed here as the service defines it, not with the verifier's own code, so the two are checked. */
    static String keyId(KeyPair key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(KeyPair key, byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the command answered. */
    record Run(int exit, String out, String err) {}
}
