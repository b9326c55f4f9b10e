package dev.custos.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.canonical.CanonicalJson;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceBundleTest {

    /** A tenant-wide operator who is a member of no circle. */
    private static final Reach REACH = Reach.tenantWide(Set.of());

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID BUNDLE = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    private static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final String SHA_1 = "1".repeat(64);
    private static final String SHA_2 = "2".repeat(64);

    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID OTHER_CIRCLE = UUID.randomUUID();

    private FixtureConfiguration<EvidenceBundle> fixture;
    private final StubEvidenceRegistry evidence = new StubEvidenceRegistry();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EvidenceBundle.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(evidence);
        members(true, false);
    }

    private EvidenceBundleCreated created() {
        return new EvidenceBundleCreated(TENANT, BUNDLE, null, "Claim 7", List.of(FIRST, SECOND), NOW, OPERATOR);
    }

    /** The two members as committed: the first sealed, the second as given. */
    private void members(boolean secondSealed, boolean secondDestroyed) {
        evidence.put(new ManifestMember(FIRST, null, "Photo \"front\"", SHA_1, 10, true, false));
        evidence.put(new ManifestMember(SECOND, null, "Report", SHA_2, 2048, secondSealed, secondDestroyed));
    }

    private SealEvidenceBundle seal() {
        return new SealEvidenceBundle(BUNDLE, TENANT, OPERATOR, REACH);
    }

    @Test
    void creatingABundleFixesItsMembers() {
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(
                        BUNDLE, TENANT, null, "Claim 7", List.of(FIRST, SECOND), OPERATOR, REACH))
                .expectEvents(created())
                .expectResultMessagePayload(created());
    }

    @Test
    void aBundleNeedsMembersWithoutRepeats() {
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(), OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(FIRST, FIRST), OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("evidence_ids must not repeat an id")
                .expectNoEvents();
    }

    @Test
    void aBundleOfACircleTakesTenantWideEvidenceAndItsOwnCirclesEvidence() {
        evidence.put(new ManifestMember(SECOND, CIRCLE, "Report", SHA_2, 2048, true, false));
        Reach circleRole = Reach.circle(CIRCLE, Set.of(CIRCLE));

        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(
                        BUNDLE, TENANT, CIRCLE, "Claim 7", List.of(FIRST, SECOND), OPERATOR, circleRole))
                .expectEvents(new EvidenceBundleCreated(
                        TENANT, BUNDLE, CIRCLE, "Claim 7", List.of(FIRST, SECOND), NOW, OPERATOR));
    }

    @Test
    void anotherCirclesEvidenceIsNotFoundForABundle() {
        evidence.put(new ManifestMember(SECOND, OTHER_CIRCLE, "Report", SHA_2, 2048, true, false));
        Reach seesBoth = Reach.tenantWide(Set.of(CIRCLE, OTHER_CIRCLE));

        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, CIRCLE, "x", List.of(FIRST, SECOND), OPERATOR, seesBoth))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence in this circle")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(SECOND), OPERATOR, seesBoth))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence in this circle")
                .expectNoEvents();
    }

    @Test
    void aCircleRoleCannotMakeATenantWideBundleNorOneOfAnotherCircle() {
        Reach circleRole = Reach.circle(CIRCLE, Set.of(CIRCLE, OTHER_CIRCLE));

        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(FIRST), OPERATOR, circleRole))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, OTHER_CIRCLE, "x", List.of(FIRST), OPERATOR, circleRole))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void unknownOrDestroyedEvidenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(UUID.randomUUID()), OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        members(true, true);
        fixture.givenNoPriorActivity()
                .when(new CreateEvidenceBundle(BUNDLE, TENANT, null, "x", List.of(FIRST, SECOND), OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a destroyed evidence object cannot be bundled")
                .expectNoEvents();
    }

    @Test
    void sealingWritesACanonicalManifestAndItsHash() {
        String manifest = "{\"bundle_id\":\"" + BUNDLE + "\",\"members\":["
                + "{\"content_bytes\":2048,\"content_sha256\":\"" + SHA_2 + "\",\"id\":\"" + SECOND
                + "\",\"title\":\"Report\"},"
                + "{\"content_bytes\":10,\"content_sha256\":\"" + SHA_1 + "\",\"id\":\"" + FIRST
                + "\",\"title\":\"Photo \\\"front\\\"\"}],"
                + "\"sealed_at\":\"2026-11-22T10:00:00Z\",\"title\":\"Claim 7\"}";
        String sha = CanonicalJson.sha256Hex(manifest);
        fixture.given(created())
                .when(seal())
                .expectEvents(new EvidenceBundleSealed(TENANT, BUNDLE, manifest, sha, NOW, OPERATOR))
                .expectResultMessagePayload(new SealedBundle(manifest, sha, NOW));
        assertThat(sha).hasSize(64);
    }

    @Test
    void sealingWithAnUnsealedMemberIsAConflict() {
        members(false, false);
        fixture.given(created())
                .when(seal())
                .expectException(CommandRefused.class)
                .expectExceptionMessage("every member must be sealed before the bundle")
                .expectNoEvents();
    }

    @Test
    void sealingTwiceIsAConflict() {
        fixture.given(created(), new EvidenceBundleSealed(TENANT, BUNDLE, "{}", "0".repeat(64), NOW, OPERATOR))
                .when(seal())
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the bundle is already sealed")
                .expectNoEvents();
    }

    @Test
    void aMemberDestroyedSinceTheBundleWasMadeIsNeverSealedIntoIt() {
        members(true, true);
        fixture.given(created())
                .when(seal())
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a member of the bundle was destroyed")
                .expectNoEvents();
    }

    @Test
    void aMemberThatIsNoLongerThereIsAConflict() {
        evidence.objects.remove(SECOND);
        fixture.given(created())
                .when(seal())
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCircleRoleSealsOnlyItsOwnCirclesBundle() {
        Reach circleRole = Reach.circle(CIRCLE, Set.of(CIRCLE));
        fixture.given(created())
                .when(new SealEvidenceBundle(BUNDLE, TENANT, OPERATOR, circleRole))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(new EvidenceBundleCreated(
                        TENANT, BUNDLE, CIRCLE, "Claim 7", List.of(FIRST, SECOND), NOW, OPERATOR))
                .when(new SealEvidenceBundle(BUNDLE, TENANT, OPERATOR, circleRole))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherTenantsBundleIsNotFound() {
        fixture.given(created())
                .when(new SealEvidenceBundle(BUNDLE, UUID.randomUUID(), OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such bundle")
                .expectNoEvents();
    }
}
