package dev.custos.command.emergency;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.emergency.EmergencyRunCaptureAttached;
import dev.custos.events.emergency.EmergencyRunRecordPackGenerated;
import dev.custos.events.emergency.EmergencyRunResolved;
import dev.custos.events.emergency.EmergencyRunScopeGranted;
import dev.custos.events.emergency.EmergencyRunScopeRevoked;
import dev.custos.events.emergency.EmergencyRunStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmergencyRunTest {

    private static final Reach TENANT_WIDE = Reach.tenantWide(Set.of());
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID RUN = UUID.randomUUID();
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final UUID GRANTEE = UUID.randomUUID();
    private static final UUID SCOPE_GRANT = UUID.randomUUID();
    private static final UUID BUNDLE = UUID.randomUUID();
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private FixtureConfiguration<EmergencyRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EmergencyRun.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static EmergencyRunStarted started(UUID circle) {
        return new EmergencyRunStarted(TENANT, RUN, circle, "flood", "Basement flood", null, "req-1", NOW, OPERATOR);
    }

    private static EmergencyRunStarted started() {
        return started(null);
    }

    private static EmergencyRunScopeGranted granted(Instant expiresAt) {
        return new EmergencyRunScopeGranted(
                TENANT, RUN, null, SCOPE_GRANT, GRANTEE, "site_access", expiresAt, NOW, OPERATOR);
    }

    private static EmergencyRunResolved resolved() {
        return new EmergencyRunResolved(TENANT, RUN, null, "water pumped out", NOW, OPERATOR);
    }

    private static GrantRunScope grant(UUID scopeGrantId, Instant expiresAt) {
        return new GrantRunScope(RUN, TENANT, scopeGrantId, GRANTEE, "site_access", expiresAt, OPERATOR, TENANT_WIDE);
    }

    @Test
    void startingARunRecordsItAndAnswersItActive() {
        fixture.givenNoPriorActivity()
                .when(new StartEmergencyRun(
                        RUN, TENANT, null, "flood", " Basement flood ", null, "req-1", OPERATOR, TENANT_WIDE))
                .expectEvents(started())
                .expectResultMessagePayload(new EmergencyRunState(
                        RUN, null, "flood", "Basement flood", null, "active", NOW, OPERATOR, null, null, null, null));
    }

    @Test
    void aCircleOperatorStartsRunsInTheirOwnCircleOnly() {
        fixture.givenNoPriorActivity()
                .when(new StartEmergencyRun(
                        RUN,
                        TENANT,
                        CIRCLE,
                        "flood",
                        "Basement flood",
                        null,
                        null,
                        OPERATOR,
                        Reach.circle(UUID.randomUUID(), Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void resolvingNeedsANoteAndHappensOnce() {
        fixture.given(started())
                .when(new ResolveEmergencyRun(RUN, TENANT, "  ", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("resolution_note is required")
                .expectNoEvents();
        fixture.given(started())
                .when(new ResolveEmergencyRun(RUN, TENANT, "water pumped out", OPERATOR, TENANT_WIDE))
                .expectEvents(resolved())
                .expectResultMessagePayload(new EmergencyRunState(
                        RUN,
                        null,
                        "flood",
                        "Basement flood",
                        null,
                        "resolved",
                        NOW,
                        OPERATOR,
                        NOW,
                        OPERATOR,
                        "water pumped out",
                        null));
        fixture.given(started(), resolved())
                .when(new ResolveEmergencyRun(RUN, TENANT, "again", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the run is already resolved")
                .expectNoEvents();
    }

    @Test
    void anotherTenantsRunIsNotThere() {
        fixture.given(started())
                .when(new ResolveEmergencyRun(RUN, UUID.randomUUID(), "note", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such emergency run")
                .expectNoEvents();
    }

    @Test
    void aCircleRunIsOutOfReachOfAnotherCirclesOperator() {
        UUID otherCircle = UUID.randomUUID();
        fixture.given(started(CIRCLE))
                .when(new ResolveEmergencyRun(
                        RUN, TENANT, "note", OPERATOR, Reach.circle(otherCircle, Set.of(CIRCLE, otherCircle))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this emergency run")
                .expectNoEvents();
    }

    @Test
    void aScopeIsGrantedToAMemberAndAnswered() {
        Instant expires = NOW.plusSeconds(3600);
        fixture.given(started())
                .when(grant(SCOPE_GRANT, expires))
                .expectEvents(granted(expires))
                .expectResultMessagePayload(new RunScopeGrant(
                        SCOPE_GRANT, RUN, GRANTEE, "site_access", expires, NOW, OPERATOR, null, null));
    }

    @Test
    void aScopeThatWouldExpireAlreadyIsInvalid() {
        fixture.given(started())
                .when(grant(SCOPE_GRANT, NOW))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("expires_at must be in the future")
                .expectNoEvents();
    }

    @Test
    void aMemberHoldsOneLiveGrantOfAScopeAtATime() {
        fixture.given(started(), granted(null))
                .when(grant(UUID.randomUUID(), null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the member already holds this scope of the run")
                .expectNoEvents();
        // Once the first grant has lapsed, the scope can be granted again.
        Instant past = NOW.minusSeconds(1);
        UUID again = UUID.randomUUID();
        fixture.given(started(), granted(past))
                .when(grant(again, null))
                .expectEvents(new EmergencyRunScopeGranted(
                        TENANT, RUN, null, again, GRANTEE, "site_access", null, NOW, OPERATOR));
    }

    @Test
    void aResolvedRunGrantsNoNewScope() {
        fixture.given(started(), resolved())
                .when(grant(SCOPE_GRANT, null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the run is resolved and grants no new scope")
                .expectNoEvents();
    }

    @Test
    void revokingAGrantHappensOnceAndOnlyForAGrantOfTheRun() {
        fixture.given(started(), granted(null))
                .when(new RevokeRunScope(RUN, TENANT, SCOPE_GRANT, "left the site", OPERATOR, TENANT_WIDE))
                .expectEvents(
                        new EmergencyRunScopeRevoked(TENANT, RUN, null, SCOPE_GRANT, "left the site", NOW, OPERATOR))
                .expectResultMessagePayload(new RunScopeGrant(
                        SCOPE_GRANT, RUN, GRANTEE, "site_access", null, NOW, OPERATOR, NOW, "left the site"));
        fixture.given(
                        started(),
                        granted(null),
                        new EmergencyRunScopeRevoked(TENANT, RUN, null, SCOPE_GRANT, "left", NOW, OPERATOR))
                .when(new RevokeRunScope(RUN, TENANT, SCOPE_GRANT, "again", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the scope grant is already revoked")
                .expectNoEvents();
        fixture.given(started(), granted(null))
                .when(new RevokeRunScope(RUN, TENANT, UUID.randomUUID(), "who?", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such scope grant of this run")
                .expectNoEvents();
    }

    @Test
    void aResolvedRunStillRevokesAndRecordsPacks() {
        fixture.given(started(), granted(null), resolved())
                .when(new RevokeRunScope(RUN, TENANT, SCOPE_GRANT, "closing", OPERATOR, TENANT_WIDE))
                .expectSuccessfulHandlerExecution();
        fixture.given(started(), resolved())
                .when(new RecordRunPack(RUN, TENANT, BUNDLE, SHA, 2, OPERATOR, TENANT_WIDE))
                .expectEvents(new EmergencyRunRecordPackGenerated(TENANT, RUN, null, BUNDLE, SHA, 2, NOW, OPERATOR))
                .expectResultMessagePayload(new EmergencyRunState(
                        RUN,
                        null,
                        "flood",
                        "Basement flood",
                        null,
                        "resolved",
                        NOW,
                        OPERATOR,
                        NOW,
                        OPERATOR,
                        "water pumped out",
                        BUNDLE));
    }

    @Test
    void evidenceIsAttachedAsACaptureOnceEvenAfterTheRunIsResolved() {
        UUID evidence = UUID.randomUUID();
        EmergencyRunCaptureAttached attached =
                new EmergencyRunCaptureAttached(TENANT, RUN, null, evidence, NOW, OPERATOR);
        fixture.given(started(), resolved())
                .when(new AttachRunCapture(RUN, TENANT, evidence, null, OPERATOR, TENANT_WIDE))
                .expectEvents(attached);
        fixture.given(started(), attached)
                .when(new AttachRunCapture(RUN, TENANT, evidence, null, OPERATOR, TENANT_WIDE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(started())
                .when(new AttachRunCapture(RUN, UUID.randomUUID(), evidence, null, OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void evidenceOfAnotherCircleIsNeverACapture() {
        UUID evidence = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        fixture.given(started(CIRCLE))
                .when(new AttachRunCapture(
                        RUN, TENANT, evidence, other, OPERATOR, Reach.tenantWide(Set.of(CIRCLE, other))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence in this circle")
                .expectNoEvents();
        fixture.given(started())
                .when(new AttachRunCapture(RUN, TENANT, evidence, CIRCLE, OPERATOR, Reach.tenantWide(Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }
}
