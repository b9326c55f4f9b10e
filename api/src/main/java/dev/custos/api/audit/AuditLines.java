package dev.custos.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.custos.events.canonical.PlainJson;
import dev.custos.events.chain.AuditEntry;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.SecretFields;
import dev.custos.events.wire.Nullable;
import dev.custos.query.audit.AuditReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's stream, one JSON object per line: the contract's {@code seq, event_id, event_type, aggregate_type,
 * aggregate_id, occurred_at, payload, prev_hash, hash}, and the two more fields the hash also covers,
 * {@code event_revision} and {@code aggregate_sequence}, so a line alone is enough to recompute its link.
 *
 * <p>A line of entry version 2 also carries {@code v: 2} and {@code metadata}; it is the entry's JCS bytes with the
 * two hashes appended, so what is served is what was hashed.
 *
 * <p>A stored payload that still holds a secret (a grant stored before passcode hashes left the events) is shown
 * with each secret replaced by its commitment ({@link SecretFields}) and the line lists them under
 * {@code redacted}. Such a line's hash cannot be recomputed from what it shows, so the service recomputes it from
 * the stored event and the chained {@code prev_hash} and serves that: an event changed in the store since it was
 * chained then no longer links to the next line, and the verifier fails there, as it would on an unredacted line.
 */
final class AuditLines {

    private static final JsonMapper JSON = PlainJson.MAPPER;

    private AuditLines() {}

    static Flux<DataBuffer> encode(Flux<AuditReader.Link> links) {
        return links.map(link -> DefaultDataBufferFactory.sharedInstance.wrap(line(link)));
    }

    static byte[] line(AuditReader.Link link) {
        ChainedEvent event = link.event();
        if (link.entryVersion() == AuditEntry.VERSION) {
            return AuditEntry.line(AuditEntry.bytes(link.seq(), event, link.metadata()), link.prevHash(), link.hash());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", link.seq());
        line.put("event_id", event.eventId());
        line.put("event_type", event.eventType());
        line.put("event_revision", event.revision());
        line.put("aggregate_type", event.aggregateType());
        line.put("aggregate_id", event.aggregateId());
        line.put("aggregate_sequence", event.aggregateSequence());
        line.put("occurred_at", event.occurredAt());
        SecretFields.Redacted shown = SecretFields.redact(event.payload());
        line.put("payload", shown.payload());
        if (shown.any()) {
            line.put("redacted", shown.pointers());
        }
        line.put("prev_hash", link.prevHash());
        line.put(
                "hash",
                shown.any()
                        ? ChainEncoding.hex(ChainEncoding.link(ChainEncoding.unhex(link.prevHash()), event))
                        : link.hash());
        return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One line, for the API document; {@code redacted} only on a line whose payload had a secret replaced. */
    record Line(
            long seq,
            String eventId,
            String eventType,
            @Nullable String eventRevision,
            @Nullable String aggregateType,
            String aggregateId,
            long aggregateSequence,
            String occurredAt,
            JsonNode payload,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer v,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> redacted,
            String prevHash,
            String hash) {}
}
