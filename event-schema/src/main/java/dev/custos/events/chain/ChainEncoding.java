package dev.custos.events.chain;

import dev.custos.events.canonical.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain's one definition, shared by the service that builds the chain and the verifier that checks it
 * offline: {@code hash = sha256(prev_hash || canonical event bytes)}, per tenant, starting from {@link #genesis}.
 *
 * <p>The canonical bytes are a domain tag followed by each field in a fixed order, every field self-delimiting
 * (a presence byte, then a 4-byte big-endian length and the UTF-8 bytes; numbers as 8 bytes), so two different
 * events can never encode to the same bytes however their field values are split. The payload is written as
 * canonical JSON (sorted keys, no white space), so the hash does not depend on how a JSON writer spaced or ordered
 * it: anyone holding the stream's JSON can recompute it.
 */
public final class ChainEncoding {

    /** The JSON settings both sides read payloads with: decimals stay exact, so they re-encode to the same text. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private static final byte[] EVENT_TAG = "custos/audit/event/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECKPOINT_TAG = "custos/audit/checkpoint/v1".getBytes(StandardCharsets.UTF_8);
    private static final String GENESIS_TAG = "custos/audit/genesis/v1\n";
    private static final HexFormat HEX = HexFormat.of();

    private ChainEncoding() {}

    /** The {@code prev_hash} of a tenant's first event: sha256 of the genesis tag and the tenant id, so one
     *  tenant's chain can never be passed off as another's. */
    public static byte[] genesis(UUID tenantId) {
        return sha256(null, (GENESIS_TAG + tenantId).getBytes(StandardCharsets.UTF_8));
    }

    /** The link after {@code previousHash}: sha256 over the previous hash's 32 bytes and the event's bytes. */
    public static byte[] link(byte[] previousHash, ChainedEvent event) {
        return link(previousHash, eventBytes(event));
    }

    /** The link after {@code previousHash} of an entry with these bytes, of any entry version. */
    public static byte[] link(byte[] previousHash, byte[] entryBytes) {
        if (previousHash.length != 32) {
            throw new IllegalArgumentException("a previous hash is 32 bytes");
        }
        return sha256(previousHash, entryBytes);
    }

    /** The canonical bytes of one event. */
    public static byte[] eventBytes(ChainedEvent event) {
        Fields fields = new Fields(EVENT_TAG);
        fields.text(event.eventId());
        fields.text(event.eventType());
        fields.text(event.revision());
        fields.text(event.aggregateType());
        fields.text(event.aggregateId());
        fields.number(event.aggregateSequence());
        fields.text(event.occurredAt());
        fields.text(canonicalPayload(event.payload()));
        return fields.bytes();
    }

    /** The bytes a checkpoint's signature covers; {@code previousSignature} is null for a tenant's first. */
    public static byte[] checkpointBytes(
            UUID tenantId, long seq, String hashHex, String signedAt, String previousSignature, String keyId) {
        Fields fields = new Fields(CHECKPOINT_TAG);
        fields.text(tenantId.toString());
        fields.number(seq);
        fields.text(hashHex);
        fields.text(signedAt);
        fields.text(previousSignature);
        fields.text(keyId);
        return fields.bytes();
    }

    /** The payload as canonical JSON. Every JSON value has exactly one form: integers in decimal, decimals as
     *  {@link BigDecimal#toString()} of the value read with {@link #JSON}. */
    public static String canonicalPayload(JsonNode payload) {
        return CanonicalJson.write(plain(payload));
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static byte[] unhex(String hash) {
        return HEX.parseHex(hash);
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> object = new TreeMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                object.put(property.getKey(), plain(property.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>(node.size());
            node.forEach(element -> array.add(plain(element)));
            return array;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return new CanonicalJson.NumberLiteral(node.bigIntegerValue().toString());
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return new CanonicalJson.NumberLiteral(value.toString());
        }
        // Binary and POJO nodes never come from parsing JSON text; refusing them keeps the encoding total over JSON.
        throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }

    private static byte[] sha256(byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (first != null) {
                digest.update(first);
            }
            return digest.digest(second);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Self-delimiting fields: a null and an empty string differ, and no value can run into the next. */
    private static final class Fields {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Fields(byte[] tag) {
            text(new String(tag, StandardCharsets.UTF_8));
        }

        void text(String value) {
            if (value == null) {
                out.write(0);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }

        void number(long value) {
            out.write(2);
            out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
