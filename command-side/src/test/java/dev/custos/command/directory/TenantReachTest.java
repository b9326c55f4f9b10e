package dev.custos.command.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;

/**
 * The circle boundary as the tenant aggregate enforces it on its own, whatever the API checked before: a circle's
 * platform operator works inside its circle only, and nobody assigns a role wider than their own reach.
 */
class TenantReachTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID FOUNDER = UUID.randomUUID();
    private static final UUID FOUNDER_ASSIGNMENT = UUID.randomUUID();
    private static final UUID CIRCLE_ADMIN = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID OWN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID ASSIGNMENT = UUID.randomUUID();
    /** A platform operator whose role counts in circle OWN only (a member of OWN). */
    private static final Reach CIRCLE_REACH = Reach.circle(OWN, Set.of(OWN));

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A tenant with circles OWN and OTHER; the circle admin and the member are in OWN, the member also in OTHER. */
    private Object[] tenantWithCircles() {
        return new Object[] {
                new TenantCreated(TENANT, "Acme", FOUNDER, FOUNDER_ASSIGNMENT, FOUNDER, NOW),
                new TenantMemberAdded(TENANT, CIRCLE_ADMIN, null, FOUNDER, NOW),
                new TenantMemberAdded(TENANT, MEMBER, null, FOUNDER, NOW),
                new CircleCreated(TENANT, OWN, "Own", FOUNDER, NOW),
                new CircleCreated(TENANT, OTHER, "Other", FOUNDER, NOW),
                new CircleMemberAdded(TENANT, OWN, CIRCLE_ADMIN, FOUNDER, NOW),
                new CircleMemberAdded(TENANT, OWN, MEMBER, FOUNDER, NOW),
                new CircleMemberAdded(TENANT, OTHER, MEMBER, FOUNDER, NOW),
                new OperatorRoleAssigned(TENANT, UUID.randomUUID(), "platform_operator", CIRCLE_ADMIN, OWN, FOUNDER,
                        NOW)};
    }

    @Test
    void aCircleOperatorAssignsInsideItsCircle() {
        fixture.given(tenantWithCircles())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, OWN, CIRCLE_ADMIN,
                        CIRCLE_REACH))
                .expectEvents(new OperatorRoleAssigned(TENANT, ASSIGNMENT, "legal_operator", MEMBER, OWN,
                        CIRCLE_ADMIN, NOW));
    }

    @Test
    void aCircleOperatorCannotAssignATenantWideRole() {
        fixture.given(tenantWithCircles())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "platform_operator", CIRCLE_ADMIN, null,
                        CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this circle")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotAssignInAnotherCircle() {
        fixture.given(tenantWithCircles())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, OTHER, CIRCLE_ADMIN,
                        Reach.circle(OWN, Set.of(OWN, OTHER))))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotRevokeATenantWideAssignment() {
        fixture.given(tenantWithCircles())
                .when(new RevokeOperatorRole(TENANT, FOUNDER_ASSIGNMENT, "take over", CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this role assignment")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotChangeTheTenantsMembersOrCircles() {
        fixture.given(tenantWithCircles())
                .when(new AddTenantMember(TENANT, UUID.randomUUID(), null, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        fixture.given(tenantWithCircles())
                .when(new CreateCircle(TENANT, UUID.randomUUID(), "Mine", CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorAddsMembersToItsOwnCircleOnly() {
        fixture.given(tenantWithCircles())
                .when(new AddCircleMember(TENANT, OTHER, CIRCLE_ADMIN, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this circle")
                .expectNoEvents();
    }

    @Test
    void aTenantWideOperatorAssignsOnlyInCirclesTheyCanSee() {
        fixture.given(tenantWithCircles())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, OTHER, FOUNDER,
                        Reach.tenantWide(Set.of())))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such circle")
                .expectNoEvents();
    }

    @Test
    void aCircleIdTheTenantAlreadyHasIsRefused() {
        fixture.given(tenantWithCircles())
                .when(new CreateCircle(TENANT, OWN, "Again", FOUNDER, Reach.tenantWide(Set.of())))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a circle with this id already exists")
                .expectNoEvents();
    }
}
