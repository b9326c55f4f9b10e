package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.SignedNote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal index's receipts, as a reader receives them: each sealed bundle and sealed evidence object carries the
 * latest signed tree head, the stream line of the event that sealed it and that line's inclusion proof, which
 * verify against each other and name the object; none before a signed head covers the sealing.
 */
class IndexReceiptsIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Caller operator;
    private UUID member;
    private UUID bundle;

    @BeforeEach
    void aSealedBundleOfOneSealedObject() {
        UUID individual = UUID.randomUUID();
        operator = as(individual, createTenant(individual));
        member = Evidence.sealed(operator, "Roof photo");
        bundle = Evidence.sealedBundle(operator, "Pack", member);
    }

    @Test
    void eachSealedObjectCarriesAReceiptThatVerifiesAndNamesIt() throws Exception {
        String session = session();
        JsonNode unsigned = index(session);
        assertThat(unsigned.at("/bundles/0/receipt").isNull()).isTrue();
        assertThat(unsigned.at("/evidence/0/receipt").isNull()).isTrue();

        operator.post("/api/audit/checkpoints", Map.of()).expectStatus().isCreated();
        JsonNode index = index(session);
        String logKey = index.get("log_key").asString();
        assertThat(logKey).contains("/custos+");
        assertThat(index.get("log_origin").asString()).endsWith("/custos/" + operator.tenant());
        assertThat(index.get("log_owner").asString()).isEqualTo("Tenant " + operator.individual());

        JsonNode bundleReceipt = index.at("/bundles/0/receipt");
        assertVerifies(bundleReceipt);
        assertThat(entry(bundleReceipt).get("event_type").asString()).endsWith("EvidenceBundleSealed");
        assertThat(entry(bundleReceipt).at("/payload/bundleId").asString()).isEqualTo(bundle.toString());
        assertThat(entry(bundleReceipt).at("/metadata/actor").asString())
                .isEqualTo(operator.individual().toString());

        JsonNode evidenceReceipt = index.at("/evidence/0/receipt");
        assertVerifies(evidenceReceipt);
        assertThat(entry(evidenceReceipt).get("event_type").asString()).endsWith(".EvidenceSealed");
        assertThat(entry(evidenceReceipt).at("/payload/evidenceId").asString()).isEqualTo(member.toString());

        // The note is signed by the log key the index names.
        String note = bundleReceipt.get("checkpoint").asString();
        String[] key = logKey.split("\\+", 3);
        String line = note.substring(note.indexOf("\n\n") + 2);
        byte[] signature = Base64.getDecoder()
                .decode(line.substring(line.lastIndexOf(' ') + 1).strip());
        byte[] publicKey = java.util.Arrays.copyOfRange(Base64.getDecoder().decode(key[2]), 1, 33);
        assertThat(java.util.Arrays.copyOf(signature, 4))
                .isEqualTo(SignedNote.keyId(key[0], SignedNote.ED25519, publicKey));
    }

    private void assertVerifies(JsonNode receipt) throws Exception {
        String[] head = receipt.get("checkpoint").asString().split("\n");
        long size = Long.parseLong(head[1]);
        byte[] root = Base64.getDecoder().decode(head[2]);
        JsonNode inclusion = receipt.get("inclusion");
        JsonNode entry = entry(receipt);
        byte[] leaf = AuditProofs.leafOf(entry);
        List<byte[]> hashes = new ArrayList<>();
        inclusion.get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));

        assertThat(inclusion.get("tree_size").asLong()).isEqualTo(size);
        assertThat(inclusion.get("seq").asLong()).isEqualTo(entry.get("seq").asLong());
        assertThat(MerkleTree.verifyInclusion(inclusion.get("leaf_index").asLong(), size, leaf, hashes, root))
                .isTrue();
        assertThat(receipt.get("signed_at").asString()).isNotBlank();
    }

    private static JsonNode entry(JsonNode receipt) {
        return JSON.readTree(receipt.get("entry").asString());
    }

    private String session() {
        Shares.Share share = Shares.share(
                operator, Instant.now().plus(Duration.ofDays(1)), null, null, Map.of("evidence_bundle", bundle));
        return Shares.session(http(), share.token().raw(), null);
    }

    private JsonNode index(String session) {
        return JSON.readTree(new String(
                Shares.get(http(), session, "/p/authority/index")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8));
    }
}
