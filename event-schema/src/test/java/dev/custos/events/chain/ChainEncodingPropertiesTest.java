package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The chain's canonical event bytes are stable (one event, one encoding) and injective (two events, two). */
class ChainEncodingPropertiesTest {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Property(tries = 500)
    void theSameEventAlwaysEncodesToTheSameBytes(@ForAll("events") ChainedEvent event) {
        ChainedEvent reread = new ChainedEvent(
                event.eventId(),
                event.eventType(),
                event.revision(),
                event.aggregateType(),
                event.aggregateId(),
                event.aggregateSequence(),
                event.occurredAt(),
                ChainEncoding.JSON.readTree(PRETTY.writeValueAsString(event.payload())));
        assertThat(ChainEncoding.eventBytes(reread)).isEqualTo(ChainEncoding.eventBytes(event));
    }

    @Property(tries = 500)
    void differentEventsNeverEncodeAlike(@ForAll("events") ChainedEvent one, @ForAll("events") ChainedEvent other) {
        boolean same = one.equals(other)
                || (Arrays.equals(fields(one), fields(other))
                        && ChainEncoding.canonicalPayload(one.payload())
                                .equals(ChainEncoding.canonicalPayload(other.payload())));
        assertThat(Arrays.equals(ChainEncoding.eventBytes(one), ChainEncoding.eventBytes(other)))
                .isEqualTo(same);
    }

    /** Moving characters from one field into its neighbour changes the bytes: no field runs into the next. */
    @Property(tries = 500)
    void shiftingAFieldBoundaryChangesTheBytes(
            @ForAll("texts") String joined,
            @ForAll @IntRange(max = 6) int field,
            @ForAll @IntRange(max = 8) int cut,
            @ForAll @IntRange(max = 8) int other) {
        int first = Math.min(cut, joined.length());
        int second = Math.min(other, joined.length());
        if (first == second) {
            return;
        }
        assertThat(ChainEncoding.eventBytes(split(joined, field, first)))
                .isNotEqualTo(ChainEncoding.eventBytes(split(joined, field, second)));
    }

    @Property(tries = 200)
    void aMissingFieldDiffersFromAnEmptyOne(@ForAll("events") ChainedEvent event) {
        ChainedEvent withoutAggregate = new ChainedEvent(
                event.eventId(),
                event.eventType(),
                event.revision(),
                null,
                event.aggregateId(),
                event.aggregateSequence(),
                event.occurredAt(),
                event.payload());
        ChainedEvent emptyAggregate = new ChainedEvent(
                event.eventId(),
                event.eventType(),
                event.revision(),
                "",
                event.aggregateId(),
                event.aggregateSequence(),
                event.occurredAt(),
                event.payload());
        assertThat(ChainEncoding.eventBytes(withoutAggregate)).isNotEqualTo(ChainEncoding.eventBytes(emptyAggregate));
    }

    @Property(tries = 200)
    void eachLinkDependsOnThePreviousHash(@ForAll("events") ChainedEvent event) {
        byte[] one = ChainEncoding.genesis(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
        byte[] other = ChainEncoding.genesis(UUID.fromString("00000000-0000-4000-8000-00000000000b"));
        assertThat(ChainEncoding.link(one, event)).hasSize(32).isNotEqualTo(ChainEncoding.link(other, event));
    }

    /** Seven text fields from one string, cut at {@code at} between field {@code field} and the next. */
    private static ChainedEvent split(String joined, int field, int at) {
        String[] texts = {"id", "type", "1", "Aggregate", "aggregate-1", "2026-12-04T10:00:00Z", "x"};
        texts[field] = joined.substring(0, at);
        String rest = joined.substring(at);
        JsonNode payload = ChainEncoding.JSON.valueToTree(Map.of("k", field == 6 ? rest : "v"));
        if (field < 6) {
            texts[field + 1] = rest;
        }
        return new ChainedEvent(texts[0], texts[1], texts[2], texts[3], texts[4], 7, texts[5], payload);
    }

    private static String[] fields(ChainedEvent event) {
        return new String[] {
            event.eventId(),
            event.eventType(),
            event.revision(),
            event.aggregateType(),
            event.aggregateId(),
            Long.toString(event.aggregateSequence()),
            event.occurredAt()
        };
    }

    /** Short strings made mostly of the encoding's own marker bytes, where a missing length would collide. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("a\u0000\u0001\u0002").ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<ChainedEvent> events() {
        Arbitrary<String> small = Arbitraries.strings()
                .withChars("ab\"\\\u00e9\u0000\u0001\u0002{}")
                .ofMaxLength(3);
        Arbitrary<String> nullable = small.injectNull(0.2);
        Arbitrary<JsonNode> payloads = Combinators.combine(
                        small,
                        small,
                        Arbitraries.longs(),
                        Arbitraries.bigDecimals()
                                .ofScale(3)
                                .between(java.math.BigDecimal.valueOf(-1000), java.math.BigDecimal.valueOf(1000)),
                        Arbitraries.of(true, false))
                .as((key, text, number, decimal, flag) -> ChainEncoding.JSON.readTree("{\"" + escape(key) + "\":\""
                        + escape(text) + "\",\"n\":" + number + ",\"d\":" + decimal + ",\"f\":" + flag
                        + ",\"list\":[" + number + ",null]}"));
        return Combinators.combine(
                        small,
                        small,
                        nullable,
                        nullable,
                        nullable,
                        Arbitraries.longs().between(0, 3),
                        small,
                        payloads)
                .as(ChainedEvent::new);
    }

    private static String escape(String text) {
        return ChainEncoding.JSON.writeValueAsString(text).replaceAll("^\"|\"$", "");
    }
}
