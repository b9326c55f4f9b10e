package dev.custos.command.legal;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.command.Refused;
import dev.custos.command.UnreadableEvent;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegalHoldTest {

    /** A tenant-wide operator who is a member of no circle. */
    private static final Reach REACH = Reach.tenantWide(Set.of());

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID HOLD = UUID.randomUUID();
    private static final UUID EVIDENCE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();

    private FixtureConfiguration<LegalHold> fixture;
    private StubHoldRegistry holds;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegalHold.class);
        holds = new StubHoldRegistry();
        holds.present.add(EVIDENCE);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(holds);
    }

    private LegalHoldPlaced placed() {
        return new LegalHoldPlaced(TENANT, HOLD, null, "Smith v. Acme", "litigation expected", false, NOW, OPERATOR);
    }

    private LegalHoldTargetAdded targetAdded() {
        return new LegalHoldTargetAdded(TENANT, HOLD, null, "evidence_object", EVIDENCE, NOW, OPERATOR);
    }

    @Test
    void placingAHoldRecordsItsReason() {
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(
                        HOLD, TENANT, null, "Smith v. Acme", "litigation expected", false, OPERATOR, REACH))
                .expectEvents(placed());
    }

    @Test
    void eachHoldCommandAnswersTheHoldAsItLeftIt() {
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(
                        HOLD, TENANT, null, "Smith v. Acme", "litigation expected", false, OPERATOR, REACH))
                .expectResultMessagePayload(new LegalHoldState(
                        HOLD,
                        null,
                        "Smith v. Acme",
                        "litigation expected",
                        false,
                        "active",
                        NOW,
                        OPERATOR,
                        null,
                        null,
                        List.of()));
        fixture.given(placed())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectResultMessagePayload(new LegalHoldState(
                        HOLD,
                        null,
                        "Smith v. Acme",
                        "litigation expected",
                        false,
                        "active",
                        NOW,
                        OPERATOR,
                        null,
                        null,
                        List.of(new LegalHoldState.Target("evidence_object", EVIDENCE, NOW))));
        fixture.given(placed(), targetAdded())
                .when(new ReleaseLegalHold(HOLD, TENANT, "settled", OPERATOR, REACH))
                .expectResultMessagePayload(new LegalHoldState(
                        HOLD,
                        null,
                        "Smith v. Acme",
                        "litigation expected",
                        false,
                        "released",
                        NOW,
                        OPERATOR,
                        NOW,
                        "settled",
                        List.of(new LegalHoldState.Target("evidence_object", EVIDENCE, NOW))));
    }

    @Test
    void aHoldWithoutAReasonIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(HOLD, TENANT, null, "Smith v. Acme", " ", false, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void addingAnExistingTargetRecordsIt() {
        fixture.given(placed())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectEvents(targetAdded());
    }

    @Test
    void aMissingTargetIsNotFound() {
        fixture.given(placed())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", UUID.randomUUID(), null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence_object")
                .expectNoEvents();
    }

    @Test
    void aDestroyedTargetIsAConflict() {
        holds.destroyed.add(EVIDENCE);
        fixture.given(placed())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectException(Refused.as(Refusal.TARGET_DESTROYED))
                .expectExceptionMessage("the target was already destroyed")
                .expectNoEvents();
    }

    @Test
    void anUnknownTargetTypeIsInvalid() {
        fixture.given(placed())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "mailbox", EVIDENCE, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void theSameTargetTwiceIsAConflict() {
        fixture.given(placed(), targetAdded())
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectException(Refused.as(Refusal.TARGET_ALREADY_HELD))
                .expectExceptionMessage("the hold already covers this target")
                .expectNoEvents();
    }

    @Test
    void releasingRecordsTheReason() {
        fixture.given(placed(), targetAdded())
                .when(new ReleaseLegalHold(HOLD, TENANT, "case settled", OPERATOR, REACH))
                .expectEvents(new LegalHoldReleased(TENANT, HOLD, null, "case settled", NOW, OPERATOR));
    }

    @Test
    void releasingNeedsAReason() {
        fixture.given(placed())
                .when(new ReleaseLegalHold(HOLD, TENANT, "", OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void releasingAReleasedHoldIsAConflict() {
        fixture.given(placed(), new LegalHoldReleased(TENANT, HOLD, null, "settled", NOW, OPERATOR))
                .when(new ReleaseLegalHold(HOLD, TENANT, "again", OPERATOR, REACH))
                .expectException(Refused.as(Refusal.ALREADY_RELEASED))
                .expectExceptionMessage("the hold is already released")
                .expectNoEvents();
    }

    @Test
    void aReleasedHoldTakesNoTargets() {
        fixture.given(placed(), new LegalHoldReleased(TENANT, HOLD, null, "settled", NOW, OPERATOR))
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantsHoldIsNotFound() {
        fixture.given(placed())
                .when(new ReleaseLegalHold(HOLD, UUID.randomUUID(), "x", OPERATOR, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such legal hold")
                .expectNoEvents();
    }

    @Test
    void aStoredTargetWithoutItsTargetIsAnUnreadableEventNamedBySequence() {
        LegalHoldTargetAdded targetless = new LegalHoldTargetAdded(TENANT, HOLD, null, null, null, NOW, OPERATOR);
        fixture.given(placed(), targetless)
                .when(new AddLegalHoldTarget(HOLD, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, REACH))
                .expectException(unreadable("LegalHold " + HOLD + " cannot be loaded: its event LegalHoldTargetAdded"
                        + " at sequence 1 cannot be applied"))
                .expectNoEvents();
        fixture.given(placed(), targetless)
                .when(new ReleaseLegalHold(HOLD, TENANT, "settled", OPERATOR, REACH))
                .expectException(unreadable("LegalHold " + HOLD + " cannot be loaded: its event LegalHoldTargetAdded"
                        + " at sequence 1 cannot be applied"))
                .expectNoEvents();
    }

    /** A failure with an unreadable event among its causes, with this message. */
    private static Matcher<Throwable> unreadable(String message) {
        return new CustomMatcher<>("an unreadable event: " + message) {
            @Override
            public boolean matches(Object failure) {
                return failure instanceof Throwable thrown
                        && UnreadableEvent.among(thrown)
                                .filter(event -> event.getMessage().equals(message))
                                .isPresent();
            }
        };
    }
}
