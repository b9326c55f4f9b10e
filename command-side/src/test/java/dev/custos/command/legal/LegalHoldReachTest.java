package dev.custos.command.legal;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A hold belongs to its circle: the aggregate refuses operators whose reach stops short of it. */
class LegalHoldReachTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID HOLD = UUID.randomUUID();
    private static final UUID EVIDENCE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final Reach IN_C1 = Reach.circle(C1, Set.of(C1));

    private FixtureConfiguration<LegalHold> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegalHold.class);
        StubHoldRegistry holds = new StubHoldRegistry();
        holds.present.add(EVIDENCE);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(holds);
    }

    private static LegalHoldPlaced placedIn(UUID circle) {
        return new LegalHoldPlaced(TENANT, HOLD, circle, "Smith v. Acme", "litigation", false, NOW, OPERATOR);
    }

    @Test
    void aCircleOperatorReleasesItsCirclesHold() {
        fixture.given(placedIn(C1))
                .when(new ReleaseLegalHold(HOLD, TENANT, "settled", OPERATOR, IN_C1))
                .expectEvents(new LegalHoldReleased(TENANT, HOLD, C1, "settled", NOW, OPERATOR));
    }

    @Test
    void anotherCirclesHoldIsNotFoundForACircleOperator() {
        fixture.given(placedIn(C2))
                .when(new ReleaseLegalHold(HOLD, TENANT, "settled", OPERATOR, IN_C1))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such legal hold")
                .expectNoEvents();
    }

    @Test
    void aTenantWideHoldIsOutOfACircleOperatorsReach() {
        fixture.given(placedIn(null))
                .when(new ReleaseLegalHold(HOLD, TENANT, "settled", OPERATOR, IN_C1))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this legal hold")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotPlaceATenantWideHold() {
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(HOLD, TENANT, null, "Smith v. Acme", "litigation", false, OPERATOR, IN_C1))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aTargetOfAnotherCircleIsRefused() {
        fixture.given(placedIn(C1))
                .when(new AddLegalHoldTarget(
                        HOLD, TENANT, "evidence_object", EVIDENCE, C2, OPERATOR, Reach.tenantWide(Set.of(C1, C2))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence_object in this circle")
                .expectNoEvents();
    }
}
