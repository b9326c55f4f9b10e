package dev.custos.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A grant stored with its passcode's hash (revision 1, {@code fixtures/AuthorityGrantCreated/1.json}) reads back as
 * revision 2, exactly the pinned {@code 2.json}: every other field kept, the hash gone, the metadata untouched.
 */
class AuthorityGrantCreatedUpcasterTest {

    private static final String GRANT_CREATED = "dev.custos.events.authority.AuthorityGrantCreated";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AuthorityGrantCreatedUpcaster upcaster = new AuthorityGrantCreatedUpcaster();

    @Test
    void revisionOneLosesTheHashAndBecomesRevisionTwo() throws IOException {
        byte[] stored = fixture("AuthorityGrantCreated", "1");
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("passcodeHash");
        MetaData metaData = MetaData.with("actionId", "the-action");

        IntermediateEventRepresentation read = upcastOne(GRANT_CREATED, "1", stored, metaData);

        assertThat(read.getType().getName()).isEqualTo(GRANT_CREATED);
        assertThat(read.getType().getRevision()).isEqualTo("2");
        byte[] payload = read.getData(byte[].class).getData();
        assertThat(new String(payload, StandardCharsets.UTF_8))
                .doesNotContain("passcodeHash")
                .doesNotContain("pbkdf2");
        assertThat(json.readTree(payload)).isEqualTo(json.readTree(fixture("AuthorityGrantCreated", "2")));
        assertThat(read.getMetaData().getObject()).isEqualTo(metaData);
    }

    @Test
    void revisionTwoIsLeftAlone() throws IOException {
        byte[] stored = fixture("AuthorityGrantCreated", "2");

        IntermediateEventRepresentation read = upcastOne(GRANT_CREATED, "2", stored, MetaData.emptyInstance());

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(byte[].class).getData()).isEqualTo(stored);
    }

    @Test
    void anotherEventIsLeftAlone() throws IOException {
        byte[] stored = fixture("AuthorityTokenIssued", "1");

        IntermediateEventRepresentation read =
                upcastOne("dev.custos.events.authority.AuthorityTokenIssued", "1", stored, MetaData.emptyInstance());

        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(read.getData(byte[].class).getData()).isEqualTo(stored);
    }

    private IntermediateEventRepresentation upcastOne(String type, String revision, byte[] payload, MetaData metaData) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "AuthorityGrant",
                "00000000-0000-4000-8000-00000000000b",
                0,
                "11111111-2222-4333-8444-555555555555",
                "2026-11-22T10:00:00.123Z",
                type,
                revision,
                payload,
                serializer.serialize(metaData, byte[].class).getData());
        List<IntermediateEventRepresentation> read = upcaster.upcast(
                        Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static byte[] fixture(String event, String revision) throws IOException {
        try (InputStream in = AuthorityGrantCreatedUpcasterTest.class.getResourceAsStream(
                "/fixtures/" + event + "/" + revision + ".json")) {
            assertThat(in).as("fixture " + event + "/" + revision).isNotNull();
            return in.readAllBytes();
        }
    }
}
