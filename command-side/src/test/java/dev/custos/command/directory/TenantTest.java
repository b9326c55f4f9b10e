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
import dev.custos.events.operator.OperatorRoleRevoked;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID FIRST_ASSIGNMENT = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID ASSIGNMENT = UUID.randomUUID();
    private static final UUID SECOND_ASSIGNMENT = UUID.randomUUID();
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

    private TenantMemberAdded memberAdded() {
        return new TenantMemberAdded(TENANT, MEMBER, "Mia", FIRST, NOW);
    }

    private OperatorRoleAssigned legalAssigned(UUID circle) {
        return new OperatorRoleAssigned(TENANT, ASSIGNMENT, "legal_operator", MEMBER, circle, FIRST, NOW);
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
    void addingAMemberRecordsIt() {
        fixture.given(created())
                .when(new AddTenantMember(TENANT, MEMBER, "Mia", FIRST, REACH))
                .expectEvents(memberAdded());
    }

    @Test
    void addingAMemberTwiceIsAConflict() {
        fixture.given(created(), memberAdded())
                .when(new AddTenantMember(TENANT, MEMBER, "Mia", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is already a member of the tenant")
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
    void onlyTenantMembersJoinCircles() {
        fixture.given(created(), new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW))
                .when(new AddCircleMember(TENANT, CIRCLE, STRANGER, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is not a member of the tenant")
                .expectNoEvents();
    }

    @Test
    void joiningAnUnknownCircleIsNotFound() {
        fixture.given(created(), memberAdded())
                .when(new AddCircleMember(TENANT, CIRCLE, MEMBER, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such circle")
                .expectNoEvents();
    }

    @Test
    void aMemberJoinsACircle() {
        fixture.given(created(), memberAdded(), new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW))
                .when(new AddCircleMember(TENANT, CIRCLE, MEMBER, FIRST, REACH))
                .expectEvents(new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW));
    }

    @Test
    void assigningARoleToAMemberRecordsIt() {
        fixture.given(created(), memberAdded())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, REACH))
                .expectEvents(legalAssigned(null))
                .expectResultMessagePayload(new RoleAssignment(ASSIGNMENT, "legal_operator", MEMBER, null, true, NOW,
                        FIRST, null, null, null));
    }

    @Test
    void assigningARoleToANonMemberIsRefused() {
        fixture.given(created())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", STRANGER, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is not a member of the tenant")
                .expectNoEvents();
    }

    @Test
    void assigningAnUnknownRoleIsInvalid() {
        fixture.given(created(), memberAdded())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "root", MEMBER, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("role_key is not an operator role")
                .expectNoEvents();
    }

    @Test
    void assigningTheSameRoleTwiceInTheSameScopeIsAConflict() {
        fixture.given(created(), memberAdded(), legalAssigned(null))
                .when(new AssignOperatorRole(TENANT, UUID.randomUUID(), "legal_operator", MEMBER, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual already holds this role in this scope")
                .expectNoEvents();
    }

    @Test
    void theFirstOperatorAlreadyHoldsPlatformOperator() {
        fixture.given(created())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "platform_operator", FIRST, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual already holds this role in this scope")
                .expectNoEvents();
    }

    @Test
    void theSameRoleInACircleIsADifferentScope() {
        fixture.given(created(), memberAdded(), legalAssigned(null),
                        new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW),
                        new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW))
                .when(new AssignOperatorRole(TENANT, SECOND_ASSIGNMENT,
                        "legal_operator", MEMBER, CIRCLE, FIRST, REACH))
                .expectEvents(new OperatorRoleAssigned(TENANT, SECOND_ASSIGNMENT,
                        "legal_operator", MEMBER, CIRCLE, FIRST, NOW));
    }

    @Test
    void aCircleRoleNeedsCircleMembership() {
        fixture.given(created(), memberAdded(), new CircleCreated(TENANT, CIRCLE, "North", FIRST, NOW))
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, CIRCLE, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is not a member of the circle")
                .expectNoEvents();
    }

    @Test
    void aRoleCanBeAssignedAgainAfterItWasRevoked() {
        fixture.given(created(), memberAdded(), legalAssigned(null),
                        new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left", NOW))
                .when(new AssignOperatorRole(TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, REACH))
                .expectEvents(new OperatorRoleAssigned(TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, null,
                        FIRST, NOW));
    }

    @Test
    void revokingRecordsTheReasonAndTheAssignmentScope() {
        fixture.given(created(), memberAdded(), legalAssigned(null))
                .when(new RevokeOperatorRole(TENANT, ASSIGNMENT, "left the team", FIRST, REACH))
                .expectEvents(new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST,
                        "left the team", NOW))
                .expectResultMessagePayload(new RoleAssignment(ASSIGNMENT, "legal_operator", MEMBER, null, false, NOW,
                        FIRST, NOW, FIRST, "left the team"));
    }

    @Test
    void revokingARevokedAssignmentIsAConflict() {
        fixture.given(created(), memberAdded(), legalAssigned(null),
                        new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left", NOW))
                .when(new RevokeOperatorRole(TENANT, ASSIGNMENT, "again", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the assignment is already revoked")
                .expectNoEvents();
    }

    @Test
    void revokingAnUnknownAssignmentIsNotFound() {
        fixture.given(created())
                .when(new RevokeOperatorRole(TENANT, ASSIGNMENT, "why", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such role assignment")
                .expectNoEvents();
    }

    @Test
    void revokingNeedsAReason() {
        fixture.given(created(), memberAdded(), legalAssigned(null))
                .when(new RevokeOperatorRole(TENANT, ASSIGNMENT, "  ", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("reason is required")
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
                    .expectExceptionMessage("max_grant_lifetime_days must be from 1 to 3650").expectNoEvents();
        }
    }

    @Test
    void aCirclePlatformOperatorCannotSetTheTenantsGrantLifetime() {
        fixture.given(created())
                .when(new SetGrantLifetimeLimit(TENANT, 30, FIRST, Reach.circle(CIRCLE, Set.of(CIRCLE))))
                .expectException(CommandRefused.class).expectNoEvents();
    }
}
