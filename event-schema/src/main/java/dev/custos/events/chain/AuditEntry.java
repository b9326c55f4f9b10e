package dev.custos.events.chain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An audit entry of version 2: the stream line without {@code prev_hash} and {@code hash}, with {@code v: 2} and the
 * {@link EntryMetadata metadata} that says who acted. Its bytes are the line's RFC 8785 (JCS) serialization, so any
 * stock JCS implementation recomputes them from the line as served; its link is {@code sha256(prev_hash || bytes)}
 * and its Merkle leaf {@code SHA-256(0x00 || bytes)}, as for version 1.
 *
 * <p>JCS writes numbers as IEEE-754 doubles do. Every number an event holds is an integer well inside
 * {@code ±2^53}, where that is exact; a number outside it would be chained (and served) as the double nearest it.
 */
public final class AuditEntry {

    /** The entry version this class writes. */
    public static final int VERSION = 2;

    private AuditEntry() {}

    /** The entry's fields, in the order a stream line shows them (the bytes do not depend on it). */
    public static Map<String, Object> fields(long seq, ChainedEvent event, Map<String, String> metadata) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("event_id", event.eventId());
        entry.put("event_type", event.eventType());
        entry.put("event_revision", event.revision());
        entry.put("aggregate_type", event.aggregateType());
        entry.put("aggregate_id", event.aggregateId());
        entry.put("aggregate_sequence", event.aggregateSequence());
        entry.put("occurred_at", event.occurredAt());
        entry.put("payload", event.payload());
        entry.put("v", VERSION);
        entry.put("metadata", metadata);
        return entry;
    }

    /** The entry's bytes: the JCS serialization of its fields. */
    public static byte[] bytes(long seq, ChainedEvent event, Map<String, String> metadata) {
        return canonical(ChainEncoding.JSON.writeValueAsString(fields(seq, event, metadata)));
    }

    /**
     * The bytes of an entry of either version: version 1's are {@link ChainEncoding#eventBytes} (its metadata is
     * null), version 2's {@link #bytes(long, ChainedEvent, Map)}.
     */
    public static byte[] bytes(int version, long seq, ChainedEvent event, Map<String, String> metadata) {
        return switch (version) {
            case 1 -> ChainEncoding.eventBytes(event);
            case VERSION -> bytes(seq, event, metadata);
            default -> throw new IllegalArgumentException("no entry version " + version);
        };
    }

    /**
     * The version an event is chained as: 2, unless its stored payload still holds a secret (an event stored before
     * secrets left the events), whose line must be shown redacted and so keeps version 1's bytes, which the service
     * can recompute for the redacted line.
     */
    public static int versionFor(JsonNode payload) {
        return SecretFields.redact(payload).any() ? 1 : VERSION;
    }

    /** The JCS serialization of one JSON text, as UTF-8; refused when the text is not JSON. */
    public static byte[] canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (java.io.IOException | RuntimeException notJson) {
            throw new IllegalArgumentException("not a JSON text JCS can serialize", notJson);
        }
    }

    /** The JCS serialization of a JSON value. */
    public static byte[] canonical(JsonNode json) {
        try {
            return canonical(ChainEncoding.JSON.writeValueAsString(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON value", e);
        }
    }

    /** The stream line of an entry: its JCS bytes with {@code prev_hash} and {@code hash} appended, and an LF. */
    public static byte[] line(byte[] entryBytes, String prevHashHex, String hashHex) {
        String entry = new String(entryBytes, StandardCharsets.UTF_8);
        return (entry.substring(0, entry.length() - 1) + ",\"prev_hash\":\"" + prevHashHex + "\",\"hash\":\"" + hashHex
                        + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
