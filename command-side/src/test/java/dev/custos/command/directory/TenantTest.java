package dev.custos.command.directory;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant itself: its creation, its circles and its settings (its members are {@link TenantMemberTest}). */
class TenantTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID FIRST_ASSIGNMENT = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID ASSIGNMENT = UUID.randomUUID();
    /** The first operator: a tenant-wide platform operator, and a member of {@code CIRCLE}. */
    private static final Reach REACH = Reach.tenantWide(Set.of(CIRCLE));

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TenantCreated created() {
        return new TenantCreated(TENANT, "Acme", FIRST, FIRST_ASSIGNMENT, ADMIN, NOW);
    }

    @Test
    void creatingATenantMakesTheFirstOperatorAMember() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(TENANT, "  Acme ", FIRST, FIRST_ASSIGNMENT, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created());
    }

    @Test
    void aTenantNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new CreateTenant(TENANT, " ", FIRST, FIRST_ASSIGNMENT, ADMIN))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("name is required")
                .expectNoEvents();
    }

    @Test
    void creatingACircleTwiceIsAConflict() {
        fixture.given(created(), new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW))
                .when(new CreateCircle(TENANT, CIRCLE, "North", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aPlatformOperatorSetsTheGrantLifetimeLimitWithinItsBounds() {
        fixture.given(created())
                .when(new SetGrantLifetimeLimit(TENANT, 30, FIRST, REACH))
                .expectEvents(new dev.custos.events.directory.GrantLifetimeLimitSet(TENANT, 30, FIRST, NOW));
        for (int days : new int[] {0, -1, 3651}) {
            fixture.given(created())
                    .when(new SetGrantLifetimeLimit(TENANT, days, FIRST, REACH))
                    .expectException(CommandRefused.class)
                    .expectExceptionMessage("max_grant_lifetime_days must be from 1 to 3650")
                    .expectNoEvents();
        }
    }

    @Test
    void aCirclePlatformOperatorCannotSetTheTenantsGrantLifetime() {
        fixture.given(created())
                .when(new SetGrantLifetimeLimit(TENANT, 30, FIRST, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    /** A stream written before members had their own still loads: the tenant passes over its member events. */
    @Test
    void aStreamWithMemberEventsFromBeforeTheSplitStillDecidesCircles() {
        UUID second = UUID.randomUUID();
        fixture.given(
                        created(),
                        new TenantMemberAdded(TENANT, MEMBER, "Mia", FIRST, NOW),
                        new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW),
                        new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW),
                        new OperatorRoleAssigned(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, NOW),
                        new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left", NOW))
                .when(new CreateCircle(TENANT, second, "South", FIRST, REACH))
                .expectEvents(new CircleCreated(TENANT, second, "South", FIRST, NOW));
        fixture.given(
                        created(),
                        new TenantMemberAdded(TENANT, MEMBER, "Mia", FIRST, NOW),
                        new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW))
                .when(new CreateCircle(TENANT, CIRCLE, "North again", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a circle with this id already exists")
                .expectNoEvents();
    }
}
