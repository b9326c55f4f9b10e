package dev.custos.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityDownloadIssued;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.authority.AuthorityGrantExpired;
import dev.custos.events.authority.AuthorityGrantRevoked;
import dev.custos.events.authority.AuthorityPasscodeFailed;
import dev.custos.events.authority.AuthorityRateLimited;
import dev.custos.events.authority.AuthorityScopeAdded;
import dev.custos.events.authority.AuthorityTokenExpired;
import dev.custos.events.authority.AuthorityTokenIssued;
import dev.custos.events.authority.AuthorityTokenRevoked;
import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.directory.TenantMemberAdopted;
import dev.custos.events.dispute.DefensePackAssembled;
import dev.custos.events.dispute.DisputeMaterialAdded;
import dev.custos.events.dispute.DisputeOpened;
import dev.custos.events.emergency.EmergencyRunCaptureAttached;
import dev.custos.events.emergency.EmergencyRunRecordPackGenerated;
import dev.custos.events.emergency.EmergencyRunResolved;
import dev.custos.events.emergency.EmergencyRunScopeGranted;
import dev.custos.events.emergency.EmergencyRunScopeRevoked;
import dev.custos.events.emergency.EmergencyRunStarted;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.events.insurance.ClaimEvidenceAttached;
import dev.custos.events.insurance.InsuranceClaimOpened;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import dev.custos.events.operator.OperatorViewed;
import dev.custos.events.operator.PackExported;
import dev.custos.events.upcasting.ActionMetaDataUpcaster;
import dev.custos.events.upcasting.AuthorityGrantCreatedUpcaster;
import dev.custos.events.upcasting.CircleOwnershipUpcaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** The upcasters the service registers, in its order. */
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(
            new ActionMetaDataUpcaster(), new AuthorityGrantCreatedUpcaster(), new CircleOwnershipUpcaster());

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Object> events() {
        return List.<Object>of(
                new TenantCreated(A, "Acme", B, C, D, AT),
                new TenantMemberAdded(A, B, "Mia", C, AT),
                new TenantMemberAdopted(
                        A,
                        B,
                        List.of(C),
                        List.of(
                                new AdoptedRoleAssignment(D, "platform_operator", null, true, AT, A, null, null, null),
                                new AdoptedRoleAssignment(
                                        C, "legal_operator", C, false, AT, A, AT, A, "left the team")),
                        AT),
                new CircleCreated(A, B, "North", C, AT),
                new GrantLifetimeLimitSet(A, 30, B, AT),
                new CircleMemberAdded(A, B, C, D, AT),
                new OperatorRoleAssigned(A, B, "legal_operator", C, null, D, AT),
                new OperatorRoleRevoked(A, B, "legal_operator", C, D, A, "left the team", AT),
                new OperatorViewed(A, null, "emergency_run", B, C, AT),
                new PackExported(A, null, "claim_dossier", B, C, "bagit-zip", 20480, SHA, AT, D),
                new EvidenceCaptured(
                        A,
                        B,
                        null,
                        "Roof photo",
                        "upload",
                        "image/jpeg",
                        1234,
                        SHA,
                        AT,
                        AT,
                        "tenants/" + A + "/evidence/" + B,
                        C,
                        null,
                        D,
                        A),
                new EvidenceSealed(A, B, AT, C),
                new EvidenceIntegrityChecked(A, B, SHA, SHA, true, AT, C),
                new EvidenceDestroyed(A, B, "tenants/" + A + "/evidence/" + B, AT, C),
                new EvidenceBundleCreated(A, B, null, "Claim pack", List.of(C, D), AT, A),
                new EvidenceBundleSealed(A, B, "{\"bundle_id\":\"" + B + "\"}", SHA, AT, C),
                new EmergencyRunStarted(
                        A, B, null, "flood", "Basement flood", "water in the server room", "request-3", AT, C),
                new EmergencyRunResolved(A, B, null, "water pumped out", AT, C),
                new EmergencyRunScopeGranted(A, B, null, C, D, "site_access", AT, AT, A),
                new EmergencyRunScopeRevoked(A, B, null, C, "left the site", AT, A),
                new EmergencyRunRecordPackGenerated(A, B, null, C, SHA, 2, AT, D),
                new EmergencyRunCaptureAttached(A, B, null, C, AT, D),
                new InsuranceClaimOpened(
                        A, B, C, "CLM-2026-0042", "POL-7", LocalDate.parse("2026-11-20"), "Hail damage", AT, D),
                new ClaimEvidenceAttached(A, B, C, D, AT, A),
                new ClaimDossierAssembled(A, B, C, D, "{\"dossier_id\":\"" + D + "\"}", SHA, List.of(A, C), AT, A),
                new DisputeOpened(A, B, C, "Smith v. Acme", "Smith Roofing Ltd", AT, D),
                new DisputeMaterialAdded(A, B, C, "claim_dossier", D, AT, A),
                new DefensePackAssembled(A, B, C, D, A, SHA, 3, AT, C),
                new LegalHoldPlaced(A, B, null, "Smith v. Acme", "litigation expected", true, AT, C),
                new LegalHoldTargetAdded(A, B, null, "evidence_object", C, AT, D),
                new LegalHoldReleased(A, B, null, "case settled", AT, C),
                new AuthorityGrantCreated(
                        A,
                        B,
                        null,
                        C,
                        "adjuster",
                        "Claim 7",
                        "For the adjuster",
                        AT,
                        5,
                        true,
                        false,
                        "request-1",
                        AT,
                        D),
                new AuthorityGrantExpired(A, B, AT),
                new AuthorityGrantRevoked(A, B, "case closed", AT, C),
                new AuthorityScopeAdded(A, B, C, "evidence_object", D, "Roof photo", "front side", AT, A),
                new AuthorityTokenIssued(A, B, C, SHA, AT, 3, "request-2", AT, D),
                new AuthorityTokenRevoked(A, B, C, "leaked", AT, D),
                new AuthorityTokenExpired(A, B, C, AT),
                new AuthorityAccessAllowed(A, B, C, true, 2, "203.0.113.7", "Mozilla/5.0", "/p/authority/session", AT),
                new AuthorityAccessDenied(A, B, C, "expired", "203.0.113.7", "Mozilla/5.0", "/p/authority/session", AT),
                new AuthorityDownloadIssued(
                        A, B, C, D, "203.0.113.7", "Mozilla/5.0", "/p/authority/evidence/" + D + "/download", AT),
                new AuthorityPasscodeFailed(A, B, C, "203.0.113.7", "Mozilla/5.0", "/p/authority/session", AT),
                new AuthorityRateLimited(A, B, C, "203.0.113.7", "Mozilla/5.0", "/p/authority/index", AT))
                .stream();
    }

    /** Every class that declares a revision is an event, and every event is pinned above: none can slip past. */
    @Test
    void everyEventWithARevisionHasAFixture() throws Exception {
        Set<Class<?>> pinned = events().map(Object::getClass).collect(Collectors.toSet());
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(revisionedClasses());
    }

    /** Every class of the module that declares a revision: every event type. */
    static Set<Class<?>> revisionedClasses() throws Exception {
        // The module's compiled classes: wherever TenantCreated was loaded from.
        Path root = Path.of(TenantCreated.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<Class<?>> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(Revision.class)) {
                    found.add(type);
                }
            }
        }
        assertThat(found).as("event classes found under " + root).isNotEmpty();
        return found;
    }

    @ParameterizedTest
    @MethodSource("events")
    void theStoredFormMatchesTheFixtureOfItsRevision(Object event) throws IOException {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision()).isEqualTo(revisionOf(event.getClass()));
        String fixture = fixture(event.getClass(), stored.getType().getRevision());
        assertThat(json.readTree(stored.getData())).isEqualTo(json.readTree(fixture));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theFixtureOfEachRevisionReadsBackToTheEvent(Object event) throws IOException {
        String revision = revisionOf(event.getClass());
        String fixture = fixture(event.getClass(), revision);
        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                fixture.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(event.getClass().getName(), revision)));
        assertThat(read).isEqualTo(event);
    }

    /**
     * Every older revision's fixture, stored as it was and read through the service's upcasters, is today's
     * event: the revisions before the current one stay readable for as long as the store keeps them.
     */
    @ParameterizedTest
    @MethodSource("events")
    void everyOlderRevisionReadsThroughTheUpcastersToTheEvent(Object event) throws IOException {
        int current = Integer.parseInt(revisionOf(event.getClass()));
        for (int older = 1; older < current; older++) {
            String revision = Integer.toString(older);
            GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                    "Aggregate",
                    B.toString(),
                    0,
                    C.toString(),
                    AT,
                    event.getClass().getName(),
                    revision,
                    fixture(event.getClass(), revision).getBytes(StandardCharsets.UTF_8),
                    serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
            List<IntermediateEventRepresentation> read = UPCASTERS
                    .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                    .toList();
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getType().getRevision())
                    .as("revision " + revision + " upcast")
                    .isEqualTo(Integer.toString(current));
            Object upcast = serializer.deserialize(read.get(0).getData(byte[].class));
            assertThat(upcast).as("revision " + revision).isEqualTo(event);
        }
    }

    private static String revisionOf(Class<?> type) {
        return type.getAnnotation(Revision.class).value();
    }

    private static Object sample(Class<?> type) {
        return events().filter(type::isInstance).findFirst().orElseThrow();
    }

    private static String fixture(Class<?> type, String revision) throws IOException {
        String path = "/fixtures/" + type.getSimpleName() + "/" + revision + ".json";
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream(path)) {
            if (in == null && Boolean.getBoolean("custos.fixtures.record")) {
                // Recording a new revision's fixture: ./mvnw -pl event-schema test -Dcustos.fixtures.record=true
                Path file = Path.of("src/test/resources" + path);
                Files.createDirectories(file.getParent());
                Files.write(
                        file,
                        Jackson3Serializer.builder()
                                .build()
                                .serialize(sample(type), byte[].class)
                                .getData());
                return Files.readString(file);
            }
            assertThat(in).as("fixture " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
