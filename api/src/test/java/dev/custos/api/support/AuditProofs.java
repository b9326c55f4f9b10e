package dev.custos.api.support;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import tools.jackson.databind.JsonNode;

/** Checks what the audit routes answer the way an auditor would, with the shared encoding and the JDK alone. */
public final class AuditProofs {

    private AuditProofs() {
    }

    /** Whether a checkpoint (as the JSON answer's map) is signed by the PEM public key, over the tenant's head. */
    public static boolean signedBy(Map<?, ?> checkpoint, UUID tenantId, String publicKeyPem) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(publicKeyPem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(ChainEncoding.checkpointBytes(tenantId, ((Number) checkpoint.get("seq")).longValue(),
                (String) checkpoint.get("hash"), (String) checkpoint.get("signed_at"),
                (String) checkpoint.get("prev_signature"), (String) checkpoint.get("key_id")));
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

    /** Recomputes the chain over the lines from genesis; answers the index of the first line that does not link,
     *  or -1 when every line links. */
    public static int firstBrokenLink(UUID tenantId, List<JsonNode> lines) {
        byte[] previous = ChainEncoding.genesis(tenantId);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            byte[] hash = ChainEncoding.link(previous, event(line));
            if (line.get("seq").asLong() != i + 1 || !ChainEncoding.hex(previous).equals(line.get("prev_hash").asString())
                    || !ChainEncoding.hex(hash).equals(line.get("hash").asString())) {
                return i;
            }
            previous = hash;
        }
        return -1;
    }

    private static ChainedEvent event(JsonNode line) {
        return new ChainedEvent(text(line, "event_id"), text(line, "event_type"), text(line, "event_revision"),
                text(line, "aggregate_type"), text(line, "aggregate_id"), line.get("aggregate_sequence").asLong(),
                text(line, "occurred_at"), line.get("payload"));
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
