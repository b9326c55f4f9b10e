package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.IntegrationTest;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.SignedNote;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as a transparency log, through HTTP as an auditor sees it: entries of version 2 say who acted, a
 * stock JCS implementation recomputes their bytes from the lines, the signed tree head is a C2SP note that verifies
 * under the published note verifier key and whose root is the Merkle tree of the stream's entries, and every
 * inclusion and consistency proof the service answers verifies against the heads it signed.
 */
class TransparencyLogIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Caller platform;
    private UUID tenant;

    @BeforeEach
    void tenantWithAPlatformOperator() {
        UUID operator = UUID.randomUUID();
        tenant = createTenant(operator);
        platform = as(operator, tenant);
        platform.addMember(UUID.randomUUID());
    }

    @Test
    void theSignedTreeHeadIsANoteOverTheTreeOfTheStreamsEntries() throws Exception {
        Map<?, ?> first = sign();
        platform.addMember(UUID.randomUUID());
        Map<?, ?> second = sign();
        String note = platform.get("/api/audit/checkpoint")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/plain;charset=utf-8")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String verifierKey = (String) published().get("note_verifier_key");

        String[] parts = note.split("\n\n", 2);
        String text = parts[0] + "\n";
        String[] lines = text.split("\n");
        long size = Long.parseLong(lines[1]);
        assertThat(lines[0]).endsWith("/custos/" + tenant);
        assertThat(size).isEqualTo(((Number) second.get("seq")).longValue());
        assertThat(verifies(text, parts[1], verifierKey)).isTrue();
        assertThat(verifies(text.replace("\n" + size + "\n", "\n" + (size + 1) + "\n"), parts[1], verifierKey))
                .isFalse();

        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode line : AuditProofs.lines(AuditProofs.stream(platform))) {
            leaves.add(AuditProofs.leafOf(line));
        }
        byte[] root = Base64.getDecoder().decode(lines[2]);
        assertThat(MerkleTree.root(leaves.subList(0, (int) size))).isEqualTo(root);

        for (int seq = 1; seq <= size; seq++) {
            JsonNode proof = json(platform.get("/api/audit/proof/inclusion?seq=" + seq));
            assertThat(proof.get("leaf_index").asLong()).isEqualTo(seq - 1);
            assertThat(proof.get("tree_size").asLong()).isEqualTo(size);
            assertThat(MerkleTree.verifyInclusion(seq - 1, size, leaves.get(seq - 1), hashes(proof), root))
                    .isTrue();
        }
        long from = ((Number) first.get("seq")).longValue();
        byte[] earlier = MerkleTree.root(leaves.subList(0, (int) from));
        JsonNode consistency = json(platform.get("/api/audit/proof/consistency?from=" + from + "&to=" + size));
        assertThat(MerkleTree.verifyConsistency(from, size, hashes(consistency), earlier, root))
                .isTrue();
    }

    @Test
    void entriesSayWhoDidWhatAndStreamReadsAreToldFromCheckpointRequests() {
        UUID member = UUID.randomUUID();
        platform.addMember(member);
        platform.assign("legal_operator", member, null);
        AuditProofs.stream(platform);
        sign();
        List<JsonNode> lines = AuditProofs.lines(AuditProofs.stream(platform));
        JsonNode assigned = lines.stream()
                .filter(line ->
                        "role_assign".equals(line.at("/metadata/action_key").asString(null)))
                .findFirst()
                .orElseThrow();
        assertThat(assigned.get("v").asInt()).isEqualTo(2);
        assertThat(assigned.at("/metadata/actor").asString())
                .isEqualTo(platform.individual().toString());
        assertThat(lines)
                .extracting(line -> line.at("/metadata/action_key").asString(null))
                .contains("audit_checkpoint", "audit_stream");
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.get("metadata").properties())
                        .extracting(Map.Entry::getKey)
                        .containsExactlyInAnyOrder("actor", "action_key", "circle_id", "client_request_id"));
    }

    @Test
    void proofsOutsideTheTreeAreBadRequests() {
        Map<?, ?> checkpoint = sign();
        long size = ((Number) checkpoint.get("seq")).longValue();
        for (String query : List.of(
                "inclusion?seq=" + (size + 1),
                "inclusion?seq=1&tree_size=" + (size + 100_000),
                "inclusion?seq=0",
                "inclusion",
                "consistency?from=0&to=" + size,
                "consistency?from=" + size + "&to=1",
                "consistency?from=1&to=" + (size + 100_000),
                "consistency?from=x&to=2")) {
            platform.get("/api/audit/proof/" + query)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType("application/problem+json");
        }
        assertThat(hashes(json(platform.get("/api/audit/proof/consistency?from=" + size + "&to=" + size))))
                .isEmpty();
    }

    @Test
    void anotherTenantsOperatorGetsNoProofAndNoHead() {
        sign();
        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        other.get("/api/audit/checkpoint").expectStatus().isNotFound();
        // The other tenant's tree is its own: its proofs never reach this tenant's nodes.
        other.get("/api/audit/proof/inclusion?seq=1&tree_size=1000")
                .expectStatus()
                .isBadRequest();
    }

    private Map<?, ?> sign() {
        return platform.post("/api/audit/checkpoints", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private Map<?, ?> published() {
        return platform.get("/api/audit/checkpoints")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return JSON.readTree(
                spec.expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        return hashes;
    }

    /** Checks the note's signature line the way a C2SP note verifier does, from the verifier key alone. */
    private static boolean verifies(String text, String signatures, String verifierKey) throws Exception {
        String[] key = verifierKey.split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(key[2]);
        assertThat(typed[0]).isEqualTo(SignedNote.ED25519);
        byte[] publicKey = Arrays.copyOfRange(typed, 1, typed.length);
        assertThat(HexFormat.of().formatHex(SignedNote.keyId(key[0], SignedNote.ED25519, publicKey)))
                .isEqualTo(key[1]);
        String line = signatures.lines().findFirst().orElseThrow();
        assertThat(line).startsWith("\u2014 " + key[0] + " ");
        byte[] signed = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        assertThat(Arrays.copyOf(signed, 4)).isEqualTo(HexFormat.of().parseHex(key[1]));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        concat(HexFormat.of().parseHex("302a300506032b6570032100"), publicKey))));
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        return ed25519.verify(Arrays.copyOfRange(signed, 4, signed.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
