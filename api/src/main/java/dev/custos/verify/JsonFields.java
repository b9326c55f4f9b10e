package dev.custos.verify;

import dev.custos.events.chain.Base64s;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fields of one JSON object of the evidence, read strictly: a missing or mistyped field is a failure that
 *  names the field and where it is ({@code where}, e.g. "line 7 (seq 7)"). */
final class JsonFields {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** The chain's own JSON settings (decimals exact), and a key given twice refused: such evidence is ambiguous,
     *  and a verifier must not silently pick one of the two values. */
    private static final JsonMapper EVIDENCE = ChainEncoding.JSON
            .rebuild()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode object;
    private final String where;

    private JsonFields(JsonNode object, String where) {
        this.object = object;
        this.where = where;
    }

    /**
     * Parses JSON text of the evidence; {@code where} names it in the failure. A string escape that decodes to a lone
     * surrogate is refused: it is not Unicode text, and UTF-8 has no bytes for it, so its hash could not be the
     * service's.
     */
    static JsonNode parse(String text, String where) throws VerificationFailure {
        JsonNode parsed;
        try {
            parsed = EVIDENCE.readTree(text);
        } catch (JacksonException notJson) {
            throw new VerificationFailure(where + ": not valid JSON (" + notJson.getOriginalMessage() + ")");
        }
        if (parsed != null && !unicodeThroughout(parsed)) {
            throw new VerificationFailure(where + ": a string holds a lone surrogate, which is not Unicode text");
        }
        return parsed;
    }

    private static boolean unicodeThroughout(JsonNode node) {
        if (node.isString()) {
            return isUnicode(node.stringValue());
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!isUnicode(property.getKey()) || !unicodeThroughout(property.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!unicodeThroughout(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every surrogate in the text is half of a pair. */
    private static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static JsonFields of(JsonNode node, String where) throws VerificationFailure {
        if (node == null || !node.isObject()) {
            throw new VerificationFailure(where + ": not a JSON object");
        }
        return new JsonFields(node, where);
    }

    /** The same object, described more precisely once more of it is known. */
    JsonFields at(String place) {
        return new JsonFields(object, place);
    }

    JsonNode present(String name) throws VerificationFailure {
        JsonNode value = object.get(name);
        if (value == null) {
            throw problem(name, "is missing");
        }
        return value;
    }

    /** The value, or null when the field is absent. */
    JsonNode optional(String name) {
        return object.get(name);
    }

    String text(String name) throws VerificationFailure {
        JsonNode value = present(name);
        if (!value.isString()) {
            throw problem(name, "is not a string");
        }
        return value.stringValue();
    }

    /** A string or null. The field must be there even when null: the service always writes it, so a line without
     *  it is not the line the service served. */
    String nullableText(String name) throws VerificationFailure {
        JsonNode value = present(name);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw problem(name, "is neither a string nor null");
        }
        return value.stringValue();
    }

    long number(String name) throws VerificationFailure {
        JsonNode value = present(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem(name, "is not a whole number");
        }
        return value.asLong();
    }

    long positiveNumber(String name) throws VerificationFailure {
        long value = number(name);
        if (value < 1) {
            throw problem(name, "is not a positive number");
        }
        return value;
    }

    /** A sha256 hash as the service writes it: 64 lower-case hex digits. */
    String hash(String name) throws VerificationFailure {
        String value = text(name);
        if (!HASH.matcher(value).matches()) {
            throw problem(name, "is not 64 lower-case hex digits");
        }
        return value;
    }

    /** A list of hashes, each 32 bytes in padded, canonical base64, as the proof routes write them. */
    List<byte[]> base64Hashes(String name) throws VerificationFailure {
        JsonNode value = present(name);
        if (!value.isArray()) {
            throw problem(name, "is not a list");
        }
        List<byte[]> hashes = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            byte[] hash = element.isString() ? Base64s.decode(element.stringValue()) : null;
            if (hash == null || hash.length != MerkleTree.HASH_BYTES) {
                throw problem(name, "holds an entry that is not a 32-byte hash in padded base64");
            }
            hashes.add(hash);
        }
        return List.copyOf(hashes);
    }

    /** Refuses a field the format does not define: an unknown field is a changed line, not an extension. */
    void onlyFields(java.util.Set<String> known) throws VerificationFailure {
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!known.contains(property.getKey())) {
                throw problem(property.getKey(), "is not a field of this line's format");
            }
        }
    }

    /** Where the object is, as failures name it. */
    String where() {
        return where;
    }

    /** The object itself. */
    JsonNode node() {
        return object;
    }

    VerificationFailure problem(String name, String what) {
        return new VerificationFailure(where + ": \"" + name + "\" " + what);
    }
}
