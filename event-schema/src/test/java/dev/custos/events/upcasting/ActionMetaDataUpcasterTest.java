package dev.custos.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.operator.ActionMetaData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each formerly self-describing event, in its pinned stored form ({@code fixtures/<Event>/1.json}) and with the
 * empty metadata it was stored with, reads back with the action it used to declare; its payload is untouched.
 */
class ActionMetaDataUpcasterTest {

    private static final String EVENT_ID = "11111111-2222-4333-8444-555555555555";
    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";
    private static final String D = "00000000-0000-4000-8000-00000000000d";
    private static final String AT = "2026-11-22T10:00:00.123Z";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final ActionMetaDataUpcaster upcaster = new ActionMetaDataUpcaster();

    static Stream<Arguments> audited() {
        return Stream.of(
                Arguments.of(
                        "legal.LegalHoldPlaced",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "hold_create",
                                ActionMetaData.SUBJECT_TYPE,
                                "legal_hold",
                                ActionMetaData.SUBJECT_ID,
                                B,
                                ActionMetaData.OPERATOR_ID,
                                C)),
                Arguments.of(
                        "legal.LegalHoldReleased",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "hold_release",
                                ActionMetaData.SUBJECT_ID,
                                B,
                                ActionMetaData.OPERATOR_ID,
                                C)),
                Arguments.of(
                        "legal.LegalHoldTargetAdded",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "hold_add_target",
                                ActionMetaData.SUBJECT_ID,
                                B,
                                ActionMetaData.OPERATOR_ID,
                                D)),
                Arguments.of(
                        "operator.OperatorRoleAssigned",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "role_assign",
                                ActionMetaData.SUBJECT_TYPE,
                                "operator_role_assignment",
                                ActionMetaData.SUBJECT_ID,
                                B,
                                ActionMetaData.OPERATOR_ID,
                                D)),
                Arguments.of(
                        "operator.OperatorRoleRevoked",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "role_revoke",
                                ActionMetaData.SUBJECT_ID,
                                B,
                                ActionMetaData.OPERATOR_ID,
                                A,
                                ActionMetaData.CIRCLE_ID,
                                D)),
                Arguments.of(
                        "directory.GrantLifetimeLimitSet",
                        Map.of(
                                ActionMetaData.ACTION_KEY,
                                "tenant_grant_lifetime_set",
                                ActionMetaData.SUBJECT_TYPE,
                                "tenant",
                                ActionMetaData.SUBJECT_ID,
                                A,
                                ActionMetaData.OPERATOR_ID,
                                B)));
    }

    @ParameterizedTest
    @MethodSource("audited")
    void anEventStoredBeforeActionsCarriedMetaDataReadsBackWithItsAction(String event, Map<String, String> said)
            throws IOException {
        byte[] payload = fixture(event);

        IntermediateEventRepresentation read = upcastOne(event, payload, MetaData.emptyInstance());

        MetaData metaData = read.getMetaData().getObject();
        assertThat(metaData)
                .containsAllEntriesOf(said)
                .containsEntry(ActionMetaData.ACTION_ID, EVENT_ID)
                .containsEntry(ActionMetaData.TENANT_ID, A)
                .containsEntry(ActionMetaData.OCCURRED_AT, AT);
        assertThat(read.getData(byte[].class).getData()).isEqualTo(payload);
        assertThat(read.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void aTenantWideHoldHasNoCircle() throws IOException {
        MetaData metaData = upcastOne(
                        "legal.LegalHoldPlaced", fixture("legal.LegalHoldPlaced"), MetaData.emptyInstance())
                .getMetaData()
                .getObject();
        assertThat(metaData).doesNotContainKey(ActionMetaData.CIRCLE_ID);
    }

    @Test
    void anEventThatCarriesItsActionIsLeftAlone() throws IOException {
        MetaData carried =
                MetaData.with(ActionMetaData.ACTION_ID, "the-action").and(ActionMetaData.ACTION_KEY, "hold_create");

        MetaData metaData = upcastOne("legal.LegalHoldPlaced", fixture("legal.LegalHoldPlaced"), carried)
                .getMetaData()
                .getObject();

        assertThat(metaData).isEqualTo(carried);
    }

    @Test
    void anEventThatWasNeverAuditedIsLeftAlone() throws IOException {
        MetaData metaData = upcastOne(
                        "directory.TenantMemberAdded", fixture("directory.TenantMemberAdded"), MetaData.emptyInstance())
                .getMetaData()
                .getObject();

        assertThat(metaData).isEmpty();
    }

    private IntermediateEventRepresentation upcastOne(String event, byte[] payload, MetaData metaData) {
        byte[] storedMetaData = serializer.serialize(metaData, byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "LegalHold", B, 0, EVENT_ID, AT, "dev.custos.events." + event, "1", payload, storedMetaData);
        List<IntermediateEventRepresentation> read = upcaster.upcast(
                        Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static byte[] fixture(String event) throws IOException {
        String name = event.substring(event.indexOf('.') + 1);
        try (InputStream in = ActionMetaDataUpcasterTest.class.getResourceAsStream("/fixtures/" + name + "/1.json")) {
            assertThat(in).as("fixture of " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
