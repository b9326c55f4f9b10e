package dev.custos.command.directory;

import static dev.custos.command.CommandRefused.Reason.CONFLICT;
import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import dev.custos.command.authority.GrantLifetime;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.operator.OperatorRoleRevoked;

/**
 * A tenant: who belongs to it, its circles, and who holds which operator role. Membership and role rules are
 * decided together because each depends on the other (only members get roles, only circle members get circle
 * roles), and one aggregate makes every such decision atomic.
 */
@Aggregate(cache = Aggregates.CACHE, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Tenant {

    @AggregateIdentifier
    private UUID tenantId;
    private Set<UUID> members = new HashSet<>();
    private Map<UUID, Set<UUID>> circleMembers = new HashMap<>();
    private Map<UUID, RoleAssignment> assignments = new HashMap<>();

    @CommandHandler
    Tenant(CreateTenant command, Clock clock) {
        require(command.tenantId() != null, INVALID, "tenant_id is required");
        require(command.firstOperatorIndividualId() != null, INVALID, "first_operator_individual_id is required");
        apply(new TenantCreated(command.tenantId(), requireText(command.name(), "name"),
                command.firstOperatorIndividualId(), command.firstOperatorAssignmentId(), command.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(AddTenantMember command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        require(command.individualId() != null, INVALID, "individual_id is required");
        require(!members.contains(command.individualId()), CONFLICT, "the individual is already a member of the tenant");
        String displayName = command.displayName() == null || command.displayName().isBlank()
                ? null : command.displayName().strip();
        apply(new TenantMemberAdded(tenantId, command.individualId(), displayName, command.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(CreateCircle command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        require(command.circleId() != null, INVALID, "circle_id is required");
        require(!circleMembers.containsKey(command.circleId()), CONFLICT, "a circle with this id already exists");
        apply(new CircleCreated(tenantId, command.circleId(), requireText(command.name(), "name"),
                command.requestedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AddCircleMember command, Clock clock) {
        Set<UUID> circle = existingCircle(command.circleId());
        command.reach().requireReachesCircle(command.circleId());
        require(members.contains(command.individualId()), CONFLICT, "the individual is not a member of the tenant");
        require(!circle.contains(command.individualId()), CONFLICT, "the individual is already a member of the circle");
        apply(new CircleMemberAdded(tenantId, command.circleId(), command.individualId(), command.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    RoleAssignment handle(AssignOperatorRole command, Clock clock) {
        // Nobody grants wider than they reach: a circle's platform operator assigns in that circle only.
        command.reach().requireActOn(command.circleId(), "circle");
        require(OperatorRoleKey.fromKey(command.roleKey()).isPresent(), INVALID, "role_key is not an operator role");
        require(members.contains(command.individualId()), CONFLICT, "the individual is not a member of the tenant");
        if (command.circleId() != null) {
            require(existingCircle(command.circleId()).contains(command.individualId()), CONFLICT,
                    "the individual is not a member of the circle");
        }
        require(!assignments.containsKey(command.assignmentId()), CONFLICT, "an assignment with this id already exists");
        boolean alreadyHeld = assignments.values().stream().anyMatch(existing -> existing.active()
                && existing.roleKey().equals(command.roleKey())
                && existing.individualId().equals(command.individualId())
                && Objects.equals(existing.circleId(), command.circleId()));
        require(!alreadyHeld, CONFLICT, "the individual already holds this role in this scope");
        apply(new OperatorRoleAssigned(tenantId, command.assignmentId(), command.roleKey(), command.individualId(),
                command.circleId(), command.requestedBy(), clock.instant()));
        return assignments.get(command.assignmentId());
    }

    @CommandHandler
    RoleAssignment handle(RevokeOperatorRole command, Clock clock) {
        RoleAssignment assignment = assignments.get(command.assignmentId());
        require(assignment != null, NOT_FOUND, "no such role assignment");
        command.reach().requireActOn(assignment.circleId(), "role assignment");
        require(assignment.active(), CONFLICT, "the assignment is already revoked");
        apply(new OperatorRoleRevoked(tenantId, command.assignmentId(), assignment.roleKey(),
                assignment.individualId(), assignment.circleId(), command.requestedBy(),
                requireText(command.reason(), "reason"), clock.instant()));
        return assignments.get(command.assignmentId());
    }

    @CommandHandler
    int handle(SetGrantLifetimeLimit command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        GrantLifetime.requireValidLimit(command.maxLifetimeDays());
        apply(new GrantLifetimeLimitSet(tenantId, command.maxLifetimeDays(), command.requestedBy(), clock.instant()));
        return command.maxLifetimeDays();
    }

    private Set<UUID> existingCircle(UUID circleId) {
        Set<UUID> circle = circleId == null ? null : circleMembers.get(circleId);
        require(circle != null, NOT_FOUND, "no such circle");
        return circle;
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
        members.add(event.firstOperatorIndividualId());
        assignments.put(event.firstOperatorAssignmentId(), new RoleAssignment(event.firstOperatorAssignmentId(),
                OperatorRoleKey.PLATFORM_OPERATOR.key(), event.firstOperatorIndividualId(), null, true,
                event.createdAt(), event.createdByIndividualId(), null, null, null));
    }

    @EventSourcingHandler
    void on(TenantMemberAdded event) {
        members.add(event.individualId());
    }

    @EventSourcingHandler
    void on(CircleCreated event) {
        circleMembers.put(event.circleId(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(CircleMemberAdded event) {
        circleMembers.get(event.circleId()).add(event.individualId());
    }

    @EventSourcingHandler
    void on(OperatorRoleAssigned event) {
        assignments.put(event.assignmentId(), new RoleAssignment(event.assignmentId(), event.roleKey(),
                event.individualId(), event.circleId(), true, event.assignedAt(), event.assignedByIndividualId(),
                null, null, null));
    }

    @EventSourcingHandler
    void on(OperatorRoleRevoked event) {
        assignments.computeIfPresent(event.assignmentId(),
                (id, held) -> held.revoked(event.revokedAt(), event.revokedByIndividualId(), event.reason()));
    }

    Tenant() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
