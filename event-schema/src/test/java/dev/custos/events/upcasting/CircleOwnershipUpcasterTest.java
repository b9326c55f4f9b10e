package dev.custos.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceCaptured;

/** Evidence and bundles stored before they had a circle read back, from their pinned revision-1 form, tenant-wide. */
class CircleOwnershipUpcasterTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final CircleOwnershipUpcaster upcaster = new CircleOwnershipUpcaster();

    @Test
    void aCaptureOfRevisionOneIsATenantWideCaptureOfRevisionTwo() throws IOException {
        Object read = read(EvidenceCaptured.class);

        assertThat(read).isEqualTo(new EvidenceCaptured(A, B, null, "Roof photo", "upload", "image/jpeg", 1234, SHA,
                AT, AT, "tenants/" + A + "/evidence/" + B, C, null, D, A));
    }

    @Test
    void aBundleOfRevisionOneIsATenantWideBundleOfRevisionTwo() throws IOException {
        Object read = read(EvidenceBundleCreated.class);

        assertThat(read).isEqualTo(new EvidenceBundleCreated(A, B, null, "Claim pack", List.of(C, D), AT, A));
    }

    @Test
    void anEventOfTheCurrentRevisionIsLeftAlone() throws IOException {
        byte[] payload = fixture(EvidenceCaptured.class, "2");

        IntermediateEventRepresentation read = upcastOne(EvidenceCaptured.class, "2", payload);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(byte[].class).getData()).isEqualTo(payload);
    }

    private Object read(Class<?> type) throws IOException {
        IntermediateEventRepresentation read = upcastOne(type, "1", fixture(type, "1"));
        assertThat(read.getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(new SimpleSerializedObject<>(read.getData(byte[].class).getData(),
                byte[].class, read.getType()));
    }

    private IntermediateEventRepresentation upcastOne(Class<?> type, String revision, byte[] payload) {
        byte[] metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Evidence", B.toString(), 0,
                "11111111-2222-4333-8444-555555555555", AT.toString(), type.getName(), revision, payload, metaData);
        List<IntermediateEventRepresentation> read = upcaster
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
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
