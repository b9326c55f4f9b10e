package dev.custos.verify;

import dev.custos.events.chain.AuditEntry;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.SecretFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of the stream: its place in the chain, the event its link covers, the hashes the service wrote, and the
 * secret fields the service redacted from its payload (empty for almost every line: see {@link SecretFields}).
 * {@code entryBytes} are the bytes the link and the Merkle leaf cover: for entry version 2, the JCS serialization
 * of the line as read, without its two hashes; for version 1, the canonical event bytes (null when redacted).
 */
record StreamLine(
        long seq,
        ChainedEvent event,
        byte[] prevHash,
        byte[] hash,
        List<String> redacted,
        int version,
        byte[] entryBytes) {

    private static final Set<String> VERSION_1_FIELDS = Set.of(
            "seq",
            "event_id",
            "event_type",
            "event_revision",
            "aggregate_type",
            "aggregate_id",
            "aggregate_sequence",
            "occurred_at",
            "payload",
            "redacted",
            "prev_hash",
            "hash");
    private static final Set<String> VERSION_2_FIELDS;
    private static final Set<String> METADATA_FIELDS = Set.of("actor", "action_key", "circle_id", "client_request_id");

    static {
        Set<String> fields = new HashSet<>(VERSION_1_FIELDS);
        fields.remove("redacted");
        fields.add("v");
        fields.add("metadata");
        VERSION_2_FIELDS = Set.copyOf(fields);
    }

    /** Parses line {@code lineNumber} with the chain's JSON settings (decimals stay exact, see {@link JsonFields}).
     *  Until the line's own seq is read, failures name the seq expected there. */
    static StreamLine parse(String text, long lineNumber, long expectedSeq) throws VerificationFailure {
        String where = "line " + lineNumber + " (expected seq " + expectedSeq + ")";
        JsonFields fields = JsonFields.of(JsonFields.parse(text, where), where);
        long seq = fields.number("seq");
        fields = fields.at("line " + lineNumber + " (seq " + seq + ")");
        ChainedEvent event = new ChainedEvent(
                fields.text("event_id"),
                fields.text("event_type"),
                fields.nullableText("event_revision"),
                fields.nullableText("aggregate_type"),
                fields.nullableText("aggregate_id"),
                fields.number("aggregate_sequence"),
                fields.text("occurred_at"),
                fields.present("payload"));
        byte[] prevHash = ChainEncoding.unhex(fields.hash("prev_hash"));
        byte[] hash = ChainEncoding.unhex(fields.hash("hash"));
        JsonNode v = fields.optional("v");
        if (v == null) {
            fields.onlyFields(VERSION_1_FIELDS);
            List<String> redacted = redacted(fields, event.payload());
            return new StreamLine(
                    seq,
                    event,
                    prevHash,
                    hash,
                    redacted,
                    1,
                    redacted.isEmpty() ? ChainEncoding.eventBytes(event) : null);
        }
        if (!v.isIntegralNumber() || v.asLong() != AuditEntry.VERSION) {
            throw fields.problem("v", "is not an entry version this verifier knows (2)");
        }
        fields.onlyFields(VERSION_2_FIELDS);
        JsonFields metadata = JsonFields.of(fields.present("metadata"), fields.where() + ", metadata");
        metadata.onlyFields(METADATA_FIELDS);
        metadata.text("actor");
        for (String field : List.of("action_key", "circle_id", "client_request_id")) {
            metadata.nullableText(field);
        }
        ObjectNode entry = ((ObjectNode) fields.node()).deepCopy();
        entry.remove(List.of("prev_hash", "hash"));
        byte[] bytes;
        try {
            bytes = AuditEntry.canonical(entry);
        } catch (IllegalArgumentException notCanonical) {
            throw fields.problem("payload", "holds a value RFC 8785 cannot serialize");
        }
        return new StreamLine(seq, event, prevHash, hash, List.of(), AuditEntry.VERSION, bytes);
    }

    /**
     * The JSON Pointers of the payload's redacted fields. Only exactly what the service writes is accepted: a
     * non-empty list of distinct pointers, each to a field {@link SecretFields} names as secret, holding a commitment
     * and nothing else. Anything else would let a line skip its hash check by calling itself redacted.
     */
    private static List<String> redacted(JsonFields fields, JsonNode payload) throws VerificationFailure {
        JsonNode listed = fields.optional("redacted");
        if (listed == null) {
            return List.of();
        }
        if (!listed.isArray() || listed.isEmpty()) {
            throw fields.problem("redacted", "is not a non-empty list of JSON Pointers");
        }
        List<String> pointers = new ArrayList<>();
        for (JsonNode entry : listed) {
            String pointer = entry.isString() ? entry.stringValue() : null;
            if (pointer == null || !pointer.startsWith("/") || pointers.contains(pointer)) {
                throw fields.problem("redacted", "is not a list of distinct JSON Pointers");
            }
            if (!SecretFields.isSecret(SecretFields.lastField(pointer))) {
                throw fields.problem("redacted", "names " + pointer + ", which is not a secret field");
            }
            JsonNode value;
            try {
                value = payload.at(JsonPointer.compile(pointer));
            } catch (IllegalArgumentException notAPointer) {
                throw fields.problem("redacted", "is not a list of distinct JSON Pointers");
            }
            if (!SecretFields.isCommitment(value)) {
                throw fields.problem(
                        "redacted", "names " + pointer + ", whose value is not {\"sha256\": 64 hex digits}");
            }
            pointers.add(pointer);
        }
        return List.copyOf(pointers);
    }

    /** The seq of a line, or empty when it has none: only to describe a failure already found on the line before. */
    static OptionalLong seqOf(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode seq = JsonFields.parse(text, "").get("seq");
            return seq != null && seq.isIntegralNumber() && seq.canConvertToLong()
                    ? OptionalLong.of(seq.asLong())
                    : OptionalLong.empty();
        } catch (VerificationFailure notJson) {
            return OptionalLong.empty();
        }
    }
}
