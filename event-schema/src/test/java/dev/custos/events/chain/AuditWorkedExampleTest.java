package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/AUDIT.md, recomputed from the code: every value it prints (an entry's bytes, the
 * leaves, the tree head, an inclusion proof, the signed note and its verifier key) must appear there as computed
 * here, so the guide an auditor builds a verifier from cannot drift from what the service does.
 */
class AuditWorkedExampleTest {

    private static final String TENANT = "7b0c5b2e-1a58-4c21-9d6e-0f3b1c2d4e5f";
    private static final String[] TYPES = {
        "dev.custos.events.operator.OperatorViewed",
        "dev.custos.events.legal.LegalHoldPlaced",
        "dev.custos.events.evidence.EvidenceSealed"
    };

    @Test
    void theGuidesExampleIsWhatTheCodeComputes() throws Exception {
        String guide = Files.readString(guide(), StandardCharsets.UTF_8);
        List<byte[]> leaves = new ArrayList<>();
        for (int seq = 1; seq <= 3; seq++) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("actor", "5f1e0c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
            metadata.put("action_key", seq == 2 ? "hold_create" : null);
            metadata.put("circle_id", null);
            metadata.put("client_request_id", null);
            ChainedEvent event = new ChainedEvent(
                    "0000000" + seq + "-0000-4000-8000-000000000000",
                    TYPES[seq - 1],
                    "1",
                    null,
                    null,
                    0,
                    "2026-12-07T10:00:0" + seq + ".000Z",
                    ChainEncoding.JSON.readTree("{\"tenantId\":\"" + TENANT + "\",\"n\":" + seq + ",\"ratio\":-0.0}"));
            byte[] entry = AuditEntry.bytes(seq, event, metadata);
            if (seq == 2) {
                assertThat(guide).contains(new String(entry, StandardCharsets.UTF_8));
            }
            leaves.add(MerkleTree.leafHash(entry));
        }
        byte[] root = MerkleTree.root(leaves);
        for (byte[] hash : leaves) {
            assertThat(guide).contains(base64(hash));
        }
        assertThat(guide).contains(base64(root));
        List<String> proof = MerkleTree.inclusionProof(1, leaves).stream()
                .map(AuditWorkedExampleTest::base64)
                .toList();
        assertThat(guide)
                .contains("{\"seq\":2,\"leaf_index\":1,\"tree_size\":3,\"hashes\":[\"" + String.join("\",\"", proof)
                        + "\"]}");

        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        byte[] publicKey = new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed)
                .generatePublicKey()
                .getEncoded();
        String name = "custos.example.org/custos";
        String text = SignedNote.checkpointText(name + "/" + TENANT, 3, root);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(HexFormat.of()
                        .parseHex("302e020100300506032b657004220420"
                                + HexFormat.of().formatHex(seed)))));
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        String note = text + "\n"
                + SignedNote.signatureLine(name, SignedNote.keyId(name, SignedNote.ED25519, publicKey), ed25519.sign());

        assertThat(guide).contains(note);
        assertThat(guide).contains(SignedNote.verifierKey(name, publicKey));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Path guide() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/AUDIT.md");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IOException("docs/AUDIT.md not found above " + here);
    }
}
