package dev.custos.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceCaptured;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Revision 1 of a capture or bundle reads back as revision 2 with no circle (EventWireFormatTest reads each fixture
 * through the service's upcasters to today's event); one already of revision 2 is passed through untouched, so the
 * upcaster never erases a circle.
 */
class CircleOwnershipUpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final CircleOwnershipUpcaster upcaster = new CircleOwnershipUpcaster();

    @ParameterizedTest
    @ValueSource(classes = {EvidenceCaptured.class, EvidenceBundleCreated.class})
    void anEventOfTheCurrentRevisionIsLeftAlone(Class<?> type) throws IOException {
        byte[] payload = new String(fixture(type, "2"), StandardCharsets.UTF_8)
                .replace("\"circleId\":null", "\"circleId\":\"00000000-0000-4000-8000-0000000000c1\"")
                .getBytes(StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcastOne(type, "2", payload);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(byte[].class).getData()).isEqualTo(payload);
    }

    @ParameterizedTest
    @ValueSource(classes = {EvidenceCaptured.class, EvidenceBundleCreated.class})
    void revisionOneBecomesRevisionTwoWithNoCircle(Class<?> type) throws IOException {
        IntermediateEventRepresentation read = upcastOne(type, "1", fixture(type, "1"));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .contains("\"circleId\":null");
    }

    private IntermediateEventRepresentation upcastOne(Class<?> type, String revision, byte[] payload) {
        byte[] metaData =
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Evidence",
                "00000000-0000-4000-8000-00000000000b",
                0,
                "11111111-2222-4333-8444-555555555555",
                "2026-11-22T10:00:00.123Z",
                type.getName(),
                revision,
                payload,
                metaData);
        List<IntermediateEventRepresentation> read = upcaster.upcast(
                        Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static byte[] fixture(Class<?> type, String revision) throws IOException {
        String path = "/fixtures/" + type.getSimpleName() + "/" + revision + ".json";
        try (InputStream in = CircleOwnershipUpcasterTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
