package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Entry version 2's bytes are RFC 8785's: the published test data (cyberphone/json-canonicalization) is
 * serialized byte for byte, and an entry's bytes are those of its stream line without the two hashes.
 */
class AuditEntryTest {

    static Stream<String> vectors() {
        return Stream.of("arrays", "french", "structures", "unicode", "values", "weird");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void thePublishedJcsCasesAreSerializedExactly(String name) throws IOException {
        String input = resource("/jcs/input/" + name + ".json");
        String output = resource("/jcs/output/" + name + ".json");

        assertThat(new String(AuditEntry.canonical(input), StandardCharsets.UTF_8))
                .isEqualTo(output);
    }

    @Test
    void anEntryIsItsLineWithoutTheHashes() {
        JsonNode payload = ChainEncoding.JSON.readTree(
                "{\"tenantId\":\"00000000-0000-4000-8000-00000000000a\",\"b\":1,\"a\":\"\\u20ac\",\"n\":null}");
        ChainedEvent event =
                new ChainedEvent("e1", "dev.custos.events.X", "1", null, null, 0, "2026-12-07T10:00:00.123Z", payload);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("actor", "system");
        metadata.put("action_key", null);
        metadata.put("circle_id", null);
        metadata.put("client_request_id", null);

        byte[] entry = AuditEntry.bytes(7, event, metadata);
        byte[] line = AuditEntry.line(entry, "00".repeat(32), "11".repeat(32));
        JsonNode served = ChainEncoding.JSON.readTree(line);

        assertThat(new String(entry, StandardCharsets.UTF_8))
                .isEqualTo("{\"aggregate_id\":null,\"aggregate_sequence\":0,\"aggregate_type\":null,"
                        + "\"event_id\":\"e1\",\"event_revision\":\"1\",\"event_type\":\"dev.custos.events.X\","
                        + "\"metadata\":{\"action_key\":null,\"actor\":\"system\",\"circle_id\":null,"
                        + "\"client_request_id\":null},\"occurred_at\":\"2026-12-07T10:00:00.123Z\","
                        + "\"payload\":{\"a\":\"\u20ac\",\"b\":1,\"n\":null,"
                        + "\"tenantId\":\"00000000-0000-4000-8000-00000000000a\"},\"seq\":7,\"v\":2}");
        assertThat(served.get("hash").stringValue()).isEqualTo("11".repeat(32));
        assertThat(AuditEntry.canonical(((tools.jackson.databind.node.ObjectNode) served)
                        .without(java.util.List.of("prev_hash", "hash"))))
                .isEqualTo(entry);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AuditEntryTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
