package dev.custos.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.command.Refused;
import dev.custos.command.legal.StubHoldRegistry;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    /** A tenant-wide operator who is a member of no circle. */
    private static final Reach REACH = Reach.tenantWide(Set.of());

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final UUID EVIDENCE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final String SHA = "a".repeat(64);
    private static final String KEY = "tenants/" + TENANT + "/evidence/" + EVIDENCE;

    private FixtureConfiguration<Evidence> fixture;
    private StubHoldRegistry holds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evidence.class);
        holds = new StubHoldRegistry();
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(holds);
    }

    private CaptureEvidence capture(String sha) {
        return new CaptureEvidence(
                EVIDENCE, TENANT, null, "Photo", null, "image/jpeg", 12, sha, null, KEY, null, null, null, OPERATOR);
    }

    private EvidenceCaptured captured() {
        return new EvidenceCaptured(
                TENANT,
                EVIDENCE,
                null,
                "Photo",
                "upload",
                "image/jpeg",
                12,
                SHA,
                null,
                NOW,
                KEY,
                null,
                null,
                null,
                OPERATOR);
    }

    private EvidenceDestroyed destroyed() {
        return new EvidenceDestroyed(TENANT, EVIDENCE, KEY, NOW, OPERATOR);
    }

    @Test
    void capturingRecordsTheComputedHash() {
        fixture.givenNoPriorActivity()
                .when(capture(SHA))
                .expectEvents(captured())
                .expectResultMessagePayload(captured());
    }

    @Test
    void aHashThatIsNotSha256IsInvalid() {
        fixture.givenNoPriorActivity()
                .when(capture("abc"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void sealingRecordsTheTime() {
        fixture.given(captured())
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectEvents(new EvidenceSealed(TENANT, EVIDENCE, NOW, OPERATOR));
    }

    @Test
    void sealingTwiceIsAConflict() {
        fixture.given(captured(), new EvidenceSealed(TENANT, EVIDENCE, NOW, OPERATOR))
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectException(Refused.as(Refusal.ALREADY_SEALED))
                .expectExceptionMessage("the evidence is already sealed")
                .expectNoEvents();
    }

    @Test
    void aPackSealsWhatIsOpenAndTakesWhatIsSealedAsItIs() {
        fixture.given(captured())
                .when(new EnsureEvidenceSealed(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectEvents(new EvidenceSealed(TENANT, EVIDENCE, NOW, OPERATOR));
        fixture.given(captured(), new EvidenceSealed(TENANT, EVIDENCE, NOW, OPERATOR))
                .when(new EnsureEvidenceSealed(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(captured(), destroyed())
                .when(new EnsureEvidenceSealed(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantsEvidenceIsNotFound() {
        fixture.given(captured())
                .when(new SealEvidence(EVIDENCE, OTHER_TENANT, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence")
                .expectNoEvents();
    }

    @Test
    void aMatchingHashIsRecordedAsIntact() {
        fixture.given(captured())
                .when(new CheckEvidenceIntegrity(EVIDENCE, TENANT, SHA, OPERATOR, REACH))
                .expectEvents(new EvidenceIntegrityChecked(TENANT, EVIDENCE, SHA, SHA, true, NOW, OPERATOR))
                .expectResultMessagePayload(new IntegrityCheck(true, SHA, SHA));
    }

    @Test
    void aMismatchIsRecordedAsAnIntegrityFailure() {
        String altered = "b".repeat(64);
        fixture.given(captured())
                .when(new CheckEvidenceIntegrity(EVIDENCE, TENANT, altered, OPERATOR, REACH))
                .expectEvents(new EvidenceIntegrityChecked(TENANT, EVIDENCE, SHA, altered, false, NOW, OPERATOR))
                .expectResultMessagePayload(new IntegrityCheck(false, SHA, altered));
    }

    @Test
    void destroyingUnheldEvidenceRecordsItAndAnswersTheBlobKey() {
        fixture.given(captured())
                .when(new DestroyEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectEvents(destroyed())
                .expectResultMessagePayload(KEY);
        assertThat(holds.serialized).isEqualTo(1);
    }

    @Test
    void destroyingHeldEvidenceIsAConflict() {
        holds.held.add(EVIDENCE);
        fixture.given(captured())
                .when(new DestroyEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectException(Refused.as(Refusal.HOLD_COVERS_TARGET))
                .expectExceptionMessage("an active legal hold covers this evidence")
                .expectNoEvents();
    }

    @Test
    void destroyingTwiceIsAConflict() {
        fixture.given(captured(), destroyed())
                .when(new DestroyEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectException(Refused.as(Refusal.TARGET_DESTROYED))
                .expectExceptionMessage("the evidence was destroyed")
                .expectNoEvents();
    }

    @Test
    void destroyedEvidenceCannotBeSealedOrChecked() {
        fixture.given(captured(), destroyed())
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(captured(), destroyed())
                .when(new CheckEvidenceIntegrity(EVIDENCE, TENANT, SHA, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void evidenceOfACircleIsActedOnFromThatCircleOnly() {
        UUID circle = UUID.randomUUID();
        UUID otherCircle = UUID.randomUUID();
        EvidenceCaptured inCircle = new EvidenceCaptured(
                TENANT,
                EVIDENCE,
                circle,
                "Photo",
                "upload",
                "image/jpeg",
                12,
                SHA,
                null,
                NOW,
                KEY,
                null,
                null,
                null,
                OPERATOR);

        fixture.given(inCircle)
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, Reach.circle(circle, Set.of(circle))))
                .expectEvents(new EvidenceSealed(TENANT, EVIDENCE, NOW, OPERATOR));
        fixture.given(inCircle)
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, Reach.circle(otherCircle, Set.of(otherCircle))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence")
                .expectNoEvents();
        fixture.given(inCircle)
                .when(new DestroyEvidence(
                        EVIDENCE, TENANT, OPERATOR, Reach.circle(otherCircle, Set.of(circle, otherCircle))))
                .expectException(Refused.as(Refusal.OUT_OF_REACH))
                .expectExceptionMessage("the operator's role does not reach this evidence")
                .expectNoEvents();
        fixture.given(inCircle)
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, Reach.tenantWide(Set.of())))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence")
                .expectNoEvents();
    }

    @Test
    void aCircleRoleDoesNotActOnTenantWideEvidence() {
        UUID circle = UUID.randomUUID();
        fixture.given(captured())
                .when(new SealEvidence(EVIDENCE, TENANT, OPERATOR, Reach.circle(circle, Set.of(circle))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }
}
