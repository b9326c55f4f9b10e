package dev.custos.events.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one list of payload fields that hold a secret, and how a read surface shows such a field when old data still
 * holds one: its value replaced by a commitment {@code {"sha256": "<64 hex digits>"}}. No event written today has
 * such a field (a test of the event schema fails on a new one); events stored before the secret moved out keep
 * their bytes, because the audit chain covers them, so every surface that shows stored payloads redacts through
 * here: the audit stream, the operator audit rows (when written and when read), and the offline verifier, which
 * accepts exactly this substitution.
 *
 * <p>Names are compared without case and underscores, so {@code passcodeHash} (the events' camelCase) and
 * {@code passcode_hash} (the operator audit rows' snake_case) are one name.
 */
public final class SecretFields {

    /** The only key of a commitment object: the sha256 of the secret value's UTF-8 bytes, lower-case hex. */
    public static final String COMMITMENT = "sha256";

    /** An argon2id hash of a share's passcode: readable, it lets anyone guess the passcode offline. */
    private static final Set<String> SECRET = Set.of("passcodehash");

    private static final HexFormat HEX = HexFormat.of();

    private SecretFields() {}

    /** Whether a payload field of this name holds a secret. */
    public static boolean isSecret(String fieldName) {
        return SECRET.contains(fieldName.replace("_", "").toLowerCase(Locale.ROOT));
    }

    /** A payload as a read surface may show it, and the JSON Pointers (RFC 6901) of the values it replaced. */
    public record Redacted(JsonNode payload, List<String> pointers) {

        public boolean any() {
            return !pointers.isEmpty();
        }
    }

    /**
     * The payload with the value of every secret field, at any depth, replaced by its commitment; the payload given
     * is left as it is. A null value hides nothing and stays. The commitment covers a string's UTF-8 bytes, and
     * any other value's canonical JSON text.
     */
    public static Redacted redact(JsonNode payload) {
        List<String> pointers = new ArrayList<>();
        if (payload == null || !containsSecret(payload)) {
            return new Redacted(payload, pointers);
        }
        JsonNode copy = payload.deepCopy();
        replace(copy, "", pointers);
        return new Redacted(copy, List.copyOf(pointers));
    }

    /** Whether {@code value} is a commitment exactly as {@link #redact} writes it. */
    public static boolean isCommitment(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            return false;
        }
        JsonNode digest = value.get(COMMITMENT);
        return digest != null && digest.isString() && digest.stringValue().matches("[0-9a-f]{64}");
    }

    /** The last field name of a JSON Pointer, unescaped; empty for the whole document. */
    public static String lastField(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1)
                .replace("~1", "/")
                .replace("~0", "~");
    }

    private static boolean containsSecret(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if ((isSecret(field.getKey()) && !field.getValue().isNull()) || containsSecret(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsSecret(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void replace(JsonNode node, String at, List<String> pointers) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                JsonNode value = object.get(name);
                if (isSecret(name) && !value.isNull()) {
                    object.set(name, commitment(value));
                    pointers.add(pointer);
                } else {
                    replace(value, pointer, pointers);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                replace(array.get(i), at + "/" + i, pointers);
            }
        }
    }

    private static ObjectNode commitment(JsonNode value) {
        String text = value.isString() ? value.stringValue() : ChainEncoding.canonicalPayload(value);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return JsonNodeFactory.instance.objectNode().put(COMMITMENT, HEX.formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
