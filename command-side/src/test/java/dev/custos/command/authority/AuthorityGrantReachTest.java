package dev.custos.command.authority;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.authority.AuthorityGrantCreated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A grant belongs to its circle, and shows nothing of another circle. */
class AuthorityGrantReachTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID GRANT = UUID.randomUUID();
    private static final UUID BUNDLE = UUID.randomUUID();
    private static final UUID OPERATOR = UUID.randomUUID();
    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();

    private FixtureConfiguration<AuthorityGrant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuthorityGrant.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((PasscodeHashes) (tenant, grant, hash) -> {});
        fixture.registerInjectableResource(new dev.custos.command.legal.StubHoldRegistry());
    }

    private static AuthorityGrantCreated createdIn(UUID circle) {
        return new AuthorityGrantCreated(
                TENANT,
                GRANT,
                circle,
                null,
                "adjuster",
                "Claim 7",
                null,
                NOW.plusSeconds(86_400),
                5,
                false,
                false,
                null,
                NOW,
                OPERATOR);
    }

    private static AddAuthorityScope scope(UUID objectCircle, Reach reach) {
        return new AddAuthorityScope(
                GRANT,
                TENANT,
                UUID.randomUUID(),
                "evidence_bundle",
                BUNDLE,
                true,
                null,
                null,
                objectCircle,
                OPERATOR,
                reach);
    }

    @Test
    void anotherCirclesOperatorCannotAddToTheGrant() {
        fixture.given(createdIn(C2))
                .when(scope(null, Reach.circle(C1, Set.of(C1))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such grant")
                .expectNoEvents();
    }

    @Test
    void anotherCirclesOperatorCannotRevokeTheGrant() {
        fixture.given(createdIn(C2))
                .when(new RevokeAuthorityGrant(GRANT, TENANT, "why", OPERATOR, Reach.circle(C1, Set.of(C1, C2))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this grant")
                .expectNoEvents();
    }

    @Test
    void aCirclesGrantNeverShowsAnotherCirclesObject() {
        fixture.given(createdIn(C1))
                .when(scope(C2, Reach.tenantWide(Set.of(C1, C2))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aTenantWideGrantNeverShowsACirclesObject() {
        fixture.given(createdIn(null))
                .when(scope(C1, Reach.tenantWide(Set.of(C1))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aGrantInACircleTheOperatorIsNotInIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAuthorityGrant(
                        GRANT,
                        TENANT,
                        C2,
                        null,
                        "adjuster",
                        "Claim 7",
                        null,
                        NOW.plusSeconds(60),
                        null,
                        false,
                        null,
                        false,
                        null,
                        OPERATOR,
                        90,
                        Reach.tenantWide(Set.of(C1))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such circle")
                .expectNoEvents();
    }
}
