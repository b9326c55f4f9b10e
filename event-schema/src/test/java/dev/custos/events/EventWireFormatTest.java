package dev.custos.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the stored form of every event revision to a JSON fixture under {@code fixtures/<Event>/<revision>.json}.
 * Stored events are read for as long as the audit log lives: a field renamed or retyped by accident fails here,
 * and a deliberate change needs a new revision, a new fixture and an upcaster from the old one.
 */
class EventWireFormatTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00.123Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Object> events() {
        return List.<Object>of(
                new TenantCreated(A, "Acme", B, C, D, AT),
                new TenantMemberAdded(A, B, "Mia", C, AT),
                new CircleCreated(A, B, "North", C, AT),
                new GrantLifetimeLimitSet(A, 30, B, AT),
                new CircleMemberAdded(A, B, C, D, AT),
                new OperatorRoleAssigned(A, B, "legal_operator", C, null, D, AT),
                new OperatorRoleRevoked(A, B, "legal_operator", C, D, A, "left the team", AT),
                new EvidenceCaptured(A, B, "Roof photo", "upload", "image/jpeg", 1234, SHA, AT, AT,
                        "tenants/" + A + "/evidence/" + B, C, null, D, A),
                new EvidenceSealed(A, B, AT, C),
                new EvidenceIntegrityChecked(A, B, SHA, SHA, true, AT, C),
                new EvidenceDestroyed(A, B, "tenants/" + A + "/evidence/" + B, AT, C),
                new EvidenceBundleCreated(A, B, "Claim pack", List.of(C, D), AT, A),
                new EvidenceBundleSealed(A, B, "{\"bundle_id\":\"" + B + "\"}", SHA, AT, C),
                new LegalHoldPlaced(A, B, null, "Smith v. Acme", "litigation expected", true, AT, C),
                new LegalHoldTargetAdded(A, B, null, "evidence_object", C, AT, D),
                new LegalHoldReleased(A, B, null, "case settled", AT, C)).stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theStoredFormMatchesTheFixtureOfItsRevision(Object event) throws IOException {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        String fixture = fixture(event.getClass(), stored.getType().getRevision());
        assertThat(json.readTree(stored.getData())).isEqualTo(json.readTree(fixture));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theFixtureOfEachRevisionReadsBackToTheEvent(Object event) throws IOException {
        String fixture = fixture(event.getClass(), "1");
        Object read = serializer.deserialize(new SimpleSerializedObject<>(fixture.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(event.getClass().getName(), "1")));
        assertThat(read).isEqualTo(event);
    }

    private static String fixture(Class<?> type, String revision) throws IOException {
        String path = "/fixtures/" + type.getSimpleName() + "/" + revision + ".json";
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
