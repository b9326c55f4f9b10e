package dev.custos.api.support;

import dev.custos.events.canonical.CanonicalJson;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.SignedNote;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's transparency log made in the test, the way the contract defines it, to hand the portal page receipts
 * before (and independently of) the service making them: stream lines of entry version 2, whose entry bytes are the
 * line without {@code prev_hash} and {@code hash} in RFC 8785 form, leaves of an RFC 6962 tree, and tree heads as
 * Ed25519-signed C2SP notes. The sample lines hold only strings and integers, for which the chain's canonical JSON is
 * exactly RFC 8785.
 */
public final class SignedLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String keyName;
    private final String origin;
    private final KeyPair key;
    private final List<String> lines = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private byte[] head;

    public SignedLog(String keyName, String origin, UUID tenantId) {
        this.keyName = keyName;
        this.origin = origin;
        this.key = newKey();
        this.head = sha256(("custos/audit/genesis/v1\n" + tenantId).getBytes(StandardCharsets.UTF_8));
    }

    /** The key that signs this log's heads, as a note verifier key. */
    public String verifierKey() {
        return SignedNote.verifierKey(keyName, publicKey(key));
    }

    /** The key's fingerprint as the page shows it: the note key id in 8 hex digits. */
    public String fingerprint() {
        return HexFormat.of().formatHex(SignedNote.keyId(keyName, SignedNote.ED25519, publicKey(key)));
    }

    public String origin() {
        return origin;
    }

    /** Appends an event as entry version 2 and answers its {@code seq}. */
    public long append(String eventType, String aggregateType, UUID aggregateId, Map<String, Object> payload) {
        long seq = lines.size() + 1;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("v", 2);
        line.put("event_id", UUID.randomUUID().toString());
        line.put("event_type", eventType);
        line.put("event_revision", "1");
        line.put("aggregate_type", aggregateType);
        line.put("aggregate_id", aggregateId.toString());
        line.put("aggregate_sequence", 1L);
        line.put("occurred_at", "2026-12-04T15:" + String.format("%02d", seq % 60) + ":00.123Z");
        line.put("payload", payload);
        line.put(
                "metadata",
                Map.of(
                        "actor",
                        UUID.randomUUID().toString(),
                        "circle_id",
                        UUID.randomUUID().toString()));
        byte[] entry = CanonicalJson.write(line).getBytes(StandardCharsets.UTF_8);
        byte[] previous = head;
        head = sha256(previous, entry);
        line.put("prev_hash", HexFormat.of().formatHex(previous));
        line.put("hash", HexFormat.of().formatHex(head));
        lines.add(JSON.writeValueAsString(line));
        leaves.add(MerkleTree.leafHash(entry));
        return seq;
    }

    /** The stream line of an entry, exactly as served. */
    public String line(long seq) {
        return lines.get((int) seq - 1);
    }

    /** The current tree head as a signed note, with any further signature lines (a witness's, say) after ours. */
    public String checkpoint(String... moreSignatureLines) {
        return checkpoint(key, moreSignatureLines);
    }

    /** The current tree head signed by some other key under this log's key name: a head the page must not trust. */
    public String checkpointByAnotherKey() {
        return checkpoint(newKey());
    }

    /** A receipt as the portal index carries it: the head, the entry's line, its inclusion proof, and signed_at. */
    public Map<String, Object> receipt(long seq, String checkpoint, String signedAt) {
        int index = (int) seq - 1;
        List<String> hashes = MerkleTree.inclusionProof(index, leaves).stream()
                .map(hash -> Base64.getEncoder().encodeToString(hash))
                .toList();
        Map<String, Object> inclusion = new LinkedHashMap<>();
        inclusion.put("seq", seq);
        inclusion.put("leaf_index", (long) index);
        inclusion.put("tree_size", (long) leaves.size());
        inclusion.put("hashes", hashes);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("checkpoint", checkpoint);
        receipt.put("entry", line(seq));
        receipt.put("inclusion", inclusion);
        receipt.put("signed_at", signedAt);
        return receipt;
    }

    private String checkpoint(KeyPair signer, String... moreSignatureLines) {
        String text = SignedNote.checkpointText(origin, leaves.size(), MerkleTree.root(leaves));
        byte[] publicKey = publicKey(signer);
        byte[] signature = sign(signer, text.getBytes(StandardCharsets.UTF_8));
        return text + "\n"
                + SignedNote.signatureLine(keyName, SignedNote.keyId(keyName, SignedNote.ED25519, publicKey), signature)
                + String.join("", moreSignatureLines);
    }

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** The raw 32-byte key: the last 32 bytes of its X.509 encoding, whose prefix is fixed for Ed25519. */
    private static byte[] publicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static byte[] sign(KeyPair signer, byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(signer.getPrivate());
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
