package dev.custos.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.command.CommandRefused;
import dev.custos.command.Reach;
import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.directory.TenantMemberAdopted;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One member's stream: membership, circles and roles, and the adoption of a member the tenant's stream recorded. */
class TenantMemberTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID FIRST_ASSIGNMENT = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();
    private static final UUID CIRCLE = UUID.randomUUID();
    private static final UUID ASSIGNMENT = UUID.randomUUID();
    private static final UUID SECOND_ASSIGNMENT = UUID.randomUUID();
    /** The first operator: a tenant-wide platform operator, and a member of {@code CIRCLE}. */
    private static final Reach REACH = Reach.tenantWide(Set.of(CIRCLE));

    private FixtureConfiguration<TenantMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantMember.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TenantMemberAdded memberAdded() {
        return new TenantMemberAdded(TENANT, MEMBER, "Mia", FIRST, NOW);
    }

    private OperatorRoleAssigned legalAssigned(UUID circle) {
        return new OperatorRoleAssigned(TENANT, ASSIGNMENT, "legal_operator", MEMBER, circle, FIRST, NOW);
    }

    private RevokeOperatorRole revoke(String reason) {
        return new RevokeOperatorRole(TENANT, ASSIGNMENT, MEMBER, reason, FIRST, REACH);
    }

    @Test
    void addingAMemberStartsTheirStream() {
        fixture.givenNoPriorActivity()
                .when(new AddTenantMember(TENANT, MEMBER, " Mia ", FIRST, REACH))
                .expectEvents(memberAdded());
    }

    @Test
    void addingAMemberTwiceIsAConflict() {
        fixture.given(memberAdded())
                .when(new AddTenantMember(TENANT, MEMBER, "Mia", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is already a member of the tenant")
                .expectNoEvents();
    }

    @Test
    void eachMemberHasAStreamOfTheirOwn() {
        UUID other = UUID.randomUUID();
        assertThat(MemberStream.of(TENANT, MEMBER))
                .isEqualTo(MemberStream.of(TENANT, MEMBER))
                .isNotEqualTo(MemberStream.of(TENANT, other))
                .isNotEqualTo(MemberStream.of(UUID.randomUUID(), MEMBER));
    }

    @Test
    void aCommandOnSomeoneWithoutAStreamFindsNoMember() {
        fixture.givenNoPriorActivity()
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, REACH))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aMemberJoinsACircleOnce() {
        fixture.given(memberAdded())
                .when(new AddCircleMember(TENANT, CIRCLE, MEMBER, FIRST, REACH))
                .expectEvents(new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW));
        fixture.given(memberAdded(), new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW))
                .when(new AddCircleMember(TENANT, CIRCLE, MEMBER, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is already a member of the circle")
                .expectNoEvents();
    }

    @Test
    void assigningARoleToAMemberRecordsIt() {
        fixture.given(memberAdded())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, REACH))
                .expectEvents(legalAssigned(null))
                .expectResultMessagePayload(new RoleAssignment(
                        ASSIGNMENT, "legal_operator", MEMBER, null, true, NOW, FIRST, null, null, null));
    }

    @Test
    void assigningAnUnknownRoleIsInvalid() {
        fixture.given(memberAdded())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "root", MEMBER, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("role_key is not an operator role")
                .expectNoEvents();
    }

    @Test
    void assigningTheSameRoleTwiceInTheSameScopeIsAConflict() {
        fixture.given(memberAdded(), legalAssigned(null))
                .when(new AssignOperatorRole(TENANT, UUID.randomUUID(), "legal_operator", MEMBER, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual already holds this role in this scope")
                .expectNoEvents();
    }

    @Test
    void theSameRoleInACircleIsADifferentScope() {
        fixture.given(memberAdded(), legalAssigned(null), new CircleMemberAdded(TENANT, CIRCLE, MEMBER, FIRST, NOW))
                .when(new AssignOperatorRole(TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, CIRCLE, FIRST, REACH))
                .expectEvents(new OperatorRoleAssigned(
                        TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, CIRCLE, FIRST, NOW));
    }

    @Test
    void aCircleRoleNeedsCircleMembership() {
        fixture.given(memberAdded())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "legal_operator", MEMBER, CIRCLE, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is not a member of the circle")
                .expectNoEvents();
    }

    @Test
    void aRoleCanBeAssignedAgainAfterItWasRevoked() {
        fixture.given(
                        memberAdded(),
                        legalAssigned(null),
                        new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left", NOW))
                .when(new AssignOperatorRole(TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, REACH))
                .expectEvents(new OperatorRoleAssigned(
                        TENANT, SECOND_ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, NOW));
    }

    @Test
    void revokingRecordsTheReasonAndTheAssignmentScope() {
        fixture.given(memberAdded(), legalAssigned(null))
                .when(revoke("left the team"))
                .expectEvents(new OperatorRoleRevoked(
                        TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left the team", NOW))
                .expectResultMessagePayload(new RoleAssignment(
                        ASSIGNMENT, "legal_operator", MEMBER, null, false, NOW, FIRST, NOW, FIRST, "left the team"));
    }

    @Test
    void revokingARevokedAssignmentIsAConflict() {
        fixture.given(
                        memberAdded(),
                        legalAssigned(null),
                        new OperatorRoleRevoked(TENANT, ASSIGNMENT, "legal_operator", MEMBER, null, FIRST, "left", NOW))
                .when(revoke("again"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the assignment is already revoked")
                .expectNoEvents();
    }

    @Test
    void revokingAnAssignmentTheMemberDoesNotHoldIsNotFound() {
        fixture.given(memberAdded())
                .when(revoke("why"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such role assignment")
                .expectNoEvents();
    }

    @Test
    void revokingNeedsAReason() {
        fixture.given(memberAdded(), legalAssigned(null))
                .when(revoke("  "))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    /** The first operator, as the tenant's creation recorded them, adopted with their platform role. */
    private TenantMemberAdopted firstOperatorAdopted() {
        return new TenantMemberAdopted(
                TENANT,
                FIRST,
                List.of(CIRCLE),
                List.of(new AdoptedRoleAssignment(
                        FIRST_ASSIGNMENT, "platform_operator", null, true, NOW, FIRST, null, null, null)),
                NOW);
    }

    @Test
    void adoptionCarriesWhatTheTenantsStreamSaidOfTheMember() {
        fixture.givenNoPriorActivity()
                .when(new AdoptTenantMember(
                        TENANT,
                        FIRST,
                        List.of(CIRCLE),
                        List.of(new AdoptedRoleAssignment(
                                FIRST_ASSIGNMENT, "platform_operator", null, true, NOW, FIRST, null, null, null))))
                .expectEvents(firstOperatorAdopted());
    }

    @Test
    void aMemberIsAdoptedOnce() {
        fixture.given(firstOperatorAdopted())
                .when(new AdoptTenantMember(TENANT, FIRST, List.of(), List.of()))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the member already has its own stream")
                .expectNoEvents();
    }

    @Test
    void aMemberWithAStreamFromTheStartIsNeverAdopted() {
        fixture.given(memberAdded())
                .when(new AdoptTenantMember(TENANT, MEMBER, List.of(), List.of()))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void anAdoptedMemberKeepsTheirRolesCirclesAndMembership() {
        fixture.given(firstOperatorAdopted())
                .when(new AssignOperatorRole(TENANT, ASSIGNMENT, "platform_operator", FIRST, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual already holds this role in this scope")
                .expectNoEvents();
        fixture.given(firstOperatorAdopted())
                .when(new AddCircleMember(TENANT, CIRCLE, FIRST, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is already a member of the circle")
                .expectNoEvents();
        fixture.given(firstOperatorAdopted())
                .when(new AddTenantMember(TENANT, FIRST, null, FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the individual is already a member of the tenant")
                .expectNoEvents();
    }

    @Test
    void anAdoptedAssignmentIsRevokedWithItsWholeHistory() {
        fixture.given(firstOperatorAdopted())
                .when(new RevokeOperatorRole(TENANT, FIRST_ASSIGNMENT, FIRST, "handing over", FIRST, REACH))
                .expectEvents(new OperatorRoleRevoked(
                        TENANT, FIRST_ASSIGNMENT, "platform_operator", FIRST, null, FIRST, "handing over", NOW))
                .expectResultMessagePayload(new RoleAssignment(
                        FIRST_ASSIGNMENT,
                        "platform_operator",
                        FIRST,
                        null,
                        false,
                        NOW,
                        FIRST,
                        NOW,
                        FIRST,
                        "handing over"));
        fixture.given(new TenantMemberAdopted(
                        TENANT,
                        FIRST,
                        List.of(),
                        List.of(new AdoptedRoleAssignment(
                                FIRST_ASSIGNMENT, "platform_operator", null, false, NOW, FIRST, NOW, FIRST, "left")),
                        NOW))
                .when(new RevokeOperatorRole(TENANT, FIRST_ASSIGNMENT, FIRST, "again", FIRST, REACH))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the assignment is already revoked")
                .expectNoEvents();
    }
}
