package dev.custos.api.audit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.custos.events.chain.ChainedEvent;
import dev.custos.query.audit.AuditReader;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's stream, one JSON object per line: the contract's {@code seq, event_id, event_type, aggregate_type,
 * aggregate_id, occurred_at, payload, prev_hash, hash}, and the two more fields the hash also covers,
 * {@code event_revision} and {@code aggregate_sequence}, so a line alone is enough to recompute its link.
 */
final class AuditLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditLines() {
    }

    static Flux<DataBuffer> encode(Flux<AuditReader.Link> links) {
        return links.map(link -> DefaultDataBufferFactory.sharedInstance.wrap(line(link)));
    }

    static byte[] line(AuditReader.Link link) {
        ChainedEvent event = link.event();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", link.seq());
        line.put("event_id", event.eventId());
        line.put("event_type", event.eventType());
        line.put("event_revision", event.revision());
        line.put("aggregate_type", event.aggregateType());
        line.put("aggregate_id", event.aggregateId());
        line.put("aggregate_sequence", event.aggregateSequence());
        line.put("occurred_at", event.occurredAt());
        line.put("payload", event.payload());
        line.put("prev_hash", link.prevHash());
        line.put("hash", link.hash());
        return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One line, for the API document. */
    record Line(long seq, String eventId, String eventType, String eventRevision, String aggregateType,
                String aggregateId, long aggregateSequence, String occurredAt, JsonNode payload, String prevHash,
                String hash) {
    }
}
