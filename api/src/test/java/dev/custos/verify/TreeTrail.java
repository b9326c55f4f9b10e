package dev.custos.verify;

import dev.custos.events.chain.AuditEntry;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.SignedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A transparency-log trail of one tenant as the service serves it: lines of entry version 2 (their bytes RFC 8785's,
 * written with the event-schema's own line writer), JSON checkpoints, signed tree heads as C2SP notes, and the proof
 * routes' answers, all signed with one fresh Ed25519 key. The lines and events are mutable, so a test can tamper
 * with them as someone without the key could, before writing the files.
 */
final class TreeTrail {

    static final String KEY_NAME = "custos.example/custos";
    static final String ORIGIN = "custos.example/custos/" + AuditTrail.TENANT;
    private static final Map<String, String> METADATA = metadata();

    final KeyPair signingKey = AuditTrail.newKey();
    final List<ChainedEvent> events = new ArrayList<>();
    /** The stream's lines, seq 1 first, without their LF. */
    final List<String> lines = new ArrayList<>();
    /** The JSON checkpoints, oldest first, each at the head of the lines as first built. */
    final List<Map<String, Object>> checkpoints = new ArrayList<>();

    private final List<String> hashes = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();

    static TreeTrail of(int events, long... checkpointSeqs) {
        TreeTrail trail = new TreeTrail();
        for (long seq = 1; seq <= events; seq++) {
            trail.events.add(AuditTrail.event(seq));
        }
        trail.rechain(1);
        String previousSignature = null;
        for (long seq : checkpointSeqs) {
            Map<String, Object> checkpoint = trail.checkpoint(trail.checkpoints.size() + 1, seq, previousSignature);
            trail.checkpoints.add(checkpoint);
            previousSignature = (String) checkpoint.get("signature");
        }
        return trail;
    }

    /**
     * Rewrites the event at {@code seq} (another event id) and chains everything from it on again, as someone who
     * can write the store and recompute hashes would.
     */
    void rewriteAndRechain(int seq) {
        ChainedEvent original = events.get(seq - 1);
        events.set(
                seq - 1,
                new ChainedEvent(
                        UUID.randomUUID().toString(),
                        original.eventType(),
                        original.revision(),
                        original.aggregateType(),
                        original.aggregateId(),
                        original.aggregateSequence(),
                        original.occurredAt(),
                        original.payload()));
        rechain(seq);
    }

    /** Rebuilds the lines from seq {@code from} on from {@link #events}, linked as the service links them. */
    void rechain(int from) {
        byte[] previous =
                from == 1 ? ChainEncoding.genesis(AuditTrail.TENANT) : ChainEncoding.unhex(hashes.get(from - 2));
        lines.subList(from - 1, lines.size()).clear();
        hashes.subList(from - 1, hashes.size()).clear();
        leaves.subList(from - 1, leaves.size()).clear();
        for (int seq = from; seq <= events.size(); seq++) {
            byte[] entry = AuditEntry.bytes(seq, events.get(seq - 1), METADATA);
            byte[] hash = ChainEncoding.link(previous, entry);
            String line = new String(
                    AuditEntry.line(entry, ChainEncoding.hex(previous), ChainEncoding.hex(hash)),
                    StandardCharsets.UTF_8);
            lines.add(line.substring(0, line.length() - 1));
            hashes.add(ChainEncoding.hex(hash));
            leaves.add(MerkleTree.leafHash(entry));
            previous = hash;
        }
    }

    /** The root of the tree of the first {@code size} entries, as the lines are now. */
    byte[] root(long size) {
        return MerkleTree.root(leaves.subList(0, (int) size));
    }

    /** The signed tree head of the first {@code size} entries, as GET /api/audit/checkpoint serves it. */
    String note(long size) {
        return note(ORIGIN, size, root(size), signingKey);
    }

    static String note(String origin, long size, byte[] root, KeyPair key) {
        String text = SignedNote.checkpointText(origin, size, root);
        byte[] signature = Base64.getDecoder().decode(AuditTrail.sign(key, text.getBytes(StandardCharsets.UTF_8)));
        return text + "\n"
                + SignedNote.signatureLine(
                        KEY_NAME, SignedNote.keyId(KEY_NAME, SignedNote.ED25519, raw(key)), signature);
    }

    /** The note verifier key of the checkpoints answer. */
    String verifierKey() {
        return SignedNote.verifierKey(KEY_NAME, raw(signingKey));
    }

    static byte[] raw(KeyPair key) {
        byte[] spki = key.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** The answer of GET /api/audit/proof/inclusion?seq=&tree_size=. */
    String inclusion(long seq, long treeSize) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("seq", seq);
        answer.put("leaf_index", seq - 1);
        answer.put("tree_size", treeSize);
        answer.put("hashes", base64(MerkleTree.inclusionProof((int) seq - 1, leaves.subList(0, (int) treeSize))));
        return ChainEncoding.JSON.writeValueAsString(answer);
    }

    /** The answer of GET /api/audit/proof/consistency?from=&to=. */
    String consistency(long from, long to) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put(
                "hashes",
                from == to ? List.of() : base64(MerkleTree.consistencyProof((int) from, leaves.subList(0, (int) to))));
        return ChainEncoding.JSON.writeValueAsString(answer);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private Map<String, Object> checkpoint(long number, long seq, String previousSignature) {
        String signedAt = "2026-12-04T16:0" + number + ":00.123Z";
        String hash = hashes.get((int) seq - 1);
        String keyId = AuditTrail.keyId(signingKey);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("number", number);
        checkpoint.put("seq", seq);
        checkpoint.put("hash", hash);
        checkpoint.put("signed_at", signedAt);
        checkpoint.put(
                "signature",
                AuditTrail.sign(
                        signingKey,
                        ChainEncoding.checkpointBytes(
                                AuditTrail.TENANT, seq, hash, signedAt, previousSignature, keyId)));
        checkpoint.put("prev_signature", previousSignature);
        checkpoint.put("key_id", keyId);
        return checkpoint;
    }

    /** The answer of GET /api/audit/checkpoints, with the note verifier key it now lists. */
    String checkpointsAnswer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant_id", AuditTrail.TENANT.toString());
        answer.put("algorithm", "Ed25519");
        answer.put("key_id", AuditTrail.keyId(signingKey));
        answer.put("public_key", AuditTrail.pem(signingKey));
        answer.put("note_verifier_key", verifierKey());
        List<Map<String, Object>> newestFirst = new ArrayList<>(checkpoints);
        Collections.reverse(newestFirst);
        answer.put("checkpoints", newestFirst);
        return ChainEncoding.JSON.writeValueAsString(answer);
    }

    /** Writes the stream of the lines from seq {@code from} on, the checkpoints and the trusted key; their paths. */
    Written written(Path directory, int from) throws IOException {
        Path stream = Files.write(
                directory.resolve("stream.ndjson"), lines.subList(from - 1, lines.size()), StandardCharsets.UTF_8);
        Path checkpointsFile = Files.writeString(directory.resolve("checkpoints.json"), checkpointsAnswer());
        Path keys = AuditTrail.writeKeys(directory.resolve("trusted.pem"), signingKey);
        return new Written(stream, checkpointsFile, keys);
    }

    /** Runs the command on the whole stream, with {@code more} arguments after the stream's three. */
    AuditTrail.Run verify(Path directory, String... more) throws IOException {
        return verifyFrom(directory, 1, more);
    }

    /** Runs the command on the stream of seq {@code from} on. */
    AuditTrail.Run verifyFrom(Path directory, int from, String... more) throws IOException {
        Written files = written(directory, from);
        List<String> args = new ArrayList<>(List.of(
                "--stream",
                files.stream().toString(),
                "--checkpoints",
                files.checkpoints().toString(),
                "--public-key",
                files.keys().toString()));
        args.addAll(List.of(more));
        return AuditTrail.run(args.toArray(String[]::new));
    }

    /** Writes {@code text} to {@code name} in {@code directory}; its path, as an argument. */
    static String file(Path directory, String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8)
                .toString();
    }

    record Written(Path stream, Path checkpoints, Path keys) {}

    private static Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("actor", "system");
        metadata.put("action_key", null);
        metadata.put("circle_id", null);
        metadata.put("client_request_id", null);
        return metadata;
    }
}
