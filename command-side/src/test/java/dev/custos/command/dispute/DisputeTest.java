package dev.custos.command.dispute;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.dispute.DefensePackAssembled;
import dev.custos.events.dispute.DisputeMaterialAdded;
import dev.custos.events.dispute.DisputeOpened;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisputeTest {

    private static final Reach TENANT_WIDE = Reach.tenantWide(Set.of());
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID DISPUTE = UUID.randomUUID();
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final UUID EVIDENCE = UUID.randomUUID();
    private static final UUID PACK = UUID.randomUUID();
    private static final UUID BUNDLE = UUID.randomUUID();
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private FixtureConfiguration<Dispute> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DisputeOpened opened(UUID circle) {
        return new DisputeOpened(TENANT, DISPUTE, circle, "Smith v. Acme", "Smith Roofing", NOW, OPERATOR);
    }

    private static DisputeMaterialAdded added() {
        return new DisputeMaterialAdded(TENANT, DISPUTE, null, "evidence_object", EVIDENCE, NOW, OPERATOR);
    }

    @Test
    void aLegalOperatorOpensADispute() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(DISPUTE, TENANT, null, "Smith v. Acme", "Smith Roofing", OPERATOR, TENANT_WIDE))
                .expectEvents(opened(null))
                .expectResultMessagePayload(
                        new DisputeState(DISPUTE, null, "Smith v. Acme", "Smith Roofing", NOW, OPERATOR, 0));
    }

    @Test
    void aDisputeNeedsACounterparty() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(DISPUTE, TENANT, null, "Smith v. Acme", " ", OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCircleRoleOpensDisputesInItsOwnCircleOnly() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(
                        DISPUTE,
                        TENANT,
                        CIRCLE,
                        "Smith v. Acme",
                        "Smith Roofing",
                        OPERATOR,
                        Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectEvents(opened(CIRCLE));
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(
                        DISPUTE,
                        TENANT,
                        null,
                        "Smith v. Acme",
                        "Smith Roofing",
                        OPERATOR,
                        Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void materialIsAddedOnceAndOnlyOfAMaterialType() {
        fixture.given(opened(null))
                .when(new AddDisputeMaterial(DISPUTE, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, TENANT_WIDE))
                .expectEvents(added());
        fixture.given(opened(null), added())
                .when(new AddDisputeMaterial(DISPUTE, TENANT, "evidence_object", EVIDENCE, null, OPERATOR, TENANT_WIDE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(null))
                .when(new AddDisputeMaterial(DISPUTE, TENANT, "emergency_run", EVIDENCE, null, OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void anotherTenantOrAnotherCircleCannotTouchTheDispute() {
        fixture.given(opened(null))
                .when(new AddDisputeMaterial(
                        DISPUTE, UUID.randomUUID(), "evidence_object", EVIDENCE, null, OPERATOR, TENANT_WIDE))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such dispute");
        fixture.given(opened(null))
                .when(new RecordDefensePack(
                        DISPUTE, TENANT, PACK, BUNDLE, SHA, 2, OPERATOR, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aDefensePackIsRecordedWithItsBundlesHash() {
        fixture.given(opened(null), added())
                .when(new RecordDefensePack(DISPUTE, TENANT, PACK, BUNDLE, SHA, 2, OPERATOR, TENANT_WIDE))
                .expectEvents(new DefensePackAssembled(TENANT, DISPUTE, null, PACK, BUNDLE, SHA, 2, NOW, OPERATOR))
                .expectResultMessagePayload(new DefensePack(PACK, DISPUTE, BUNDLE, SHA));
    }

    @Test
    void materialOfAnotherCircleIsNeverAdded() {
        UUID other = UUID.randomUUID();
        fixture.given(opened(CIRCLE))
                .when(new AddDisputeMaterial(
                        DISPUTE,
                        TENANT,
                        "evidence_bundle",
                        EVIDENCE,
                        other,
                        OPERATOR,
                        Reach.tenantWide(Set.of(CIRCLE, other))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such evidence_bundle in this circle")
                .expectNoEvents();
    }
}
