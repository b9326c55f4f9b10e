package dev.custos.command.directory;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.directory.TenantMemberAdopted;
import dev.custos.events.operator.OperatorRoleAssigned;
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

/**
 * The circle boundary as the tenant and its members enforce it on their own, whatever the API checked before: a
 * circle's platform operator works inside its circle only, and nobody assigns a role wider than their own reach.
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

    private FixtureConfiguration<TenantMember> members;
    private FixtureConfiguration<Tenant> tenants;

    @BeforeEach
    void setUp() {
        members = new AggregateTestFixture<>(TenantMember.class);
        members.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        tenants = new AggregateTestFixture<>(Tenant.class);
        tenants.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The member, in circles OWN and OTHER. */
    private Object[] memberInBothCircles() {
        return new Object[] {
            new TenantMemberAdded(TENANT, MEMBER, null, FOUNDER, NOW),
            new CircleMemberAdded(TENANT, OWN, MEMBER, FOUNDER, NOW),
            new CircleMemberAdded(TENANT, OTHER, MEMBER, FOUNDER, NOW)
        };
    }

    /** The founder as the tenant's creation left them, adopted: a tenant-wide platform operator. */
    private TenantMemberAdopted founder() {
        return new TenantMemberAdopted(
                TENANT,
                FOUNDER,
                List.of(),
                List.of(new AdoptedRoleAssignment(
                        FOUNDER_ASSIGNMENT, "platform_operator", null, true, NOW, FOUNDER, null, null, null)),
                NOW);
    }

    @Test
    void aCircleOperatorAssignsInsideItsCircle() {
        members.given(memberInBothCircles())
                .when(new AssignOperatorRole(
                        TENANT, ASSIGNMENT, "legal_operator", MEMBER, OWN, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectEvents(
                        new OperatorRoleAssigned(TENANT, ASSIGNMENT, "legal_operator", MEMBER, OWN, CIRCLE_ADMIN, NOW));
    }

    @Test
    void aCircleOperatorCannotAssignATenantWideRole() {
        members.given(memberInBothCircles())
                .when(new AssignOperatorRole(
                        TENANT, ASSIGNMENT, "platform_operator", MEMBER, null, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this circle")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotAssignInAnotherCircle() {
        members.given(memberInBothCircles())
                .when(new AssignOperatorRole(
                        TENANT,
                        ASSIGNMENT,
                        "legal_operator",
                        MEMBER,
                        OTHER,
                        CIRCLE_ADMIN,
                        Reach.circle(OWN, Set.of(OWN, OTHER))))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this circle")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotRevokeATenantWideAssignment() {
        members.given(founder())
                .when(new RevokeOperatorRole(
                        TENANT, FOUNDER_ASSIGNMENT, FOUNDER, "take over", CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this role assignment")
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorCannotChangeTheTenantsMembersOrCircles() {
        members.givenNoPriorActivity()
                .when(new AddTenantMember(TENANT, UUID.randomUUID(), null, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
        tenants.given(new TenantCreated(TENANT, "Acme", FOUNDER, FOUNDER_ASSIGNMENT, FOUNDER, NOW))
                .when(new CreateCircle(TENANT, UUID.randomUUID(), "Mine", CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void aCircleOperatorAddsMembersToItsOwnCircleOnly() {
        members.given(new TenantMemberAdded(TENANT, MEMBER, null, FOUNDER, NOW))
                .when(new AddCircleMember(TENANT, OTHER, MEMBER, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the operator's role does not reach this circle")
                .expectNoEvents();
        members.given(new TenantMemberAdded(TENANT, MEMBER, null, FOUNDER, NOW))
                .when(new AddCircleMember(TENANT, OWN, MEMBER, CIRCLE_ADMIN, CIRCLE_REACH))
                .expectEvents(new CircleMemberAdded(TENANT, OWN, MEMBER, CIRCLE_ADMIN, NOW));
    }

    @Test
    void aTenantWideOperatorAssignsOnlyInCirclesTheyCanSee() {
        members.given(memberInBothCircles())
                .when(new AssignOperatorRole(
                        TENANT, ASSIGNMENT, "legal_operator", MEMBER, OTHER, FOUNDER, Reach.tenantWide(Set.of())))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such circle")
                .expectNoEvents();
    }

    @Test
    void aCircleIdTheTenantAlreadyHasIsRefused() {
        tenants.given(
                        new TenantCreated(TENANT, "Acme", FOUNDER, FOUNDER_ASSIGNMENT, FOUNDER, NOW),
                        new CircleCreated(TENANT, OWN, "Own", FOUNDER, NOW))
                .when(new CreateCircle(TENANT, OWN, "Again", FOUNDER, Reach.tenantWide(Set.of())))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a circle with this id already exists")
                .expectNoEvents();
    }
}
