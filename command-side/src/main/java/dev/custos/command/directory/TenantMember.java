package dev.custos.command.directory;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Refusal;
import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.directory.TenantMemberAdopted;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One member of one tenant: the circles they belong to and the operator roles they hold. Every membership and role
 * rule is about one individual, so each member is its own stream ({@link MemberStream}): two members' commands
 * neither load nor lock each other, however large the tenant grows. Circles themselves stay with the {@link Tenant};
 * the API finds a circle before it sends a command that names one.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class TenantMember {

    @AggregateIdentifier
    private UUID memberStream;

    private UUID tenantId;
    private UUID individualId;
    private Set<UUID> circles = new HashSet<>();
    private Map<UUID, RoleAssignment> assignments = new HashMap<>();

    /** The member's stream starts here; an existing member (its stream found, with the lock held) is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddTenantMember command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        require(command.individualId() != null, INVALID, "individual_id is required");
        require(memberStream == null, Refusal.ALREADY_MEMBER, "the individual is already a member of the tenant");
        String displayName =
                command.displayName() == null || command.displayName().isBlank()
                        ? null
                        : command.displayName().strip();
        apply(new TenantMemberAdded(
                command.tenantId(), command.individualId(), displayName, command.requestedBy(), clock.instant()));
    }

    /** A second adoption (two commands raced to adopt the same member) is refused and changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdoptTenantMember command, Clock clock) {
        require(memberStream == null, Refusal.DUPLICATE_ID, "the member already has its own stream");
        apply(new TenantMemberAdopted(
                command.tenantId(),
                command.individualId(),
                command.circleIds(),
                command.assignments(),
                clock.instant()));
    }

    @CommandHandler
    void handle(AddCircleMember command, Clock clock) {
        command.reach().requireReachesCircle(command.circleId());
        require(
                !circles.contains(command.circleId()),
                Refusal.ALREADY_MEMBER,
                "the individual is already a member of the circle");
        apply(new CircleMemberAdded(
                tenantId, command.circleId(), individualId, command.requestedBy(), clock.instant()));
    }

    @CommandHandler
    RoleAssignment handle(AssignOperatorRole command, Clock clock) {
        // Nobody grants wider than they reach: a circle's platform operator assigns in that circle only.
        command.reach().requireActOn(command.circleId(), "circle");
        require(OperatorRoleKey.fromKey(command.roleKey()).isPresent(), INVALID, "role_key is not an operator role");
        require(
                command.circleId() == null || circles.contains(command.circleId()),
                Refusal.NOT_A_MEMBER,
                "the individual is not a member of the circle");
        require(
                !assignments.containsKey(command.assignmentId()),
                Refusal.DUPLICATE_ID,
                "an assignment with this id already exists");
        boolean alreadyHeld = assignments.values().stream()
                .anyMatch(existing -> existing.active()
                        && existing.roleKey().equals(command.roleKey())
                        && Objects.equals(existing.circleId(), command.circleId()));
        require(!alreadyHeld, Refusal.ROLE_ALREADY_HELD, "the individual already holds this role in this scope");
        apply(new OperatorRoleAssigned(
                tenantId,
                command.assignmentId(),
                command.roleKey(),
                individualId,
                command.circleId(),
                command.requestedBy(),
                clock.instant()));
        return assignments.get(command.assignmentId());
    }

    @CommandHandler
    RoleAssignment handle(RevokeOperatorRole command, Clock clock) {
        RoleAssignment assignment = assignments.get(command.assignmentId());
        require(assignment != null, NOT_FOUND, "no such role assignment");
        command.reach().requireActOn(assignment.circleId(), "role assignment");
        require(assignment.active(), Refusal.ALREADY_REVOKED, "the assignment is already revoked");
        apply(new OperatorRoleRevoked(
                tenantId,
                command.assignmentId(),
                assignment.roleKey(),
                individualId,
                assignment.circleId(),
                command.requestedBy(),
                requireText(command.reason(), "reason"),
                clock.instant()));
        return assignments.get(command.assignmentId());
    }

    @EventSourcingHandler
    void on(TenantMemberAdded event) {
        memberStream = MemberStream.of(event.tenantId(), event.individualId());
        tenantId = event.tenantId();
        individualId = event.individualId();
    }

    @EventSourcingHandler
    void on(TenantMemberAdopted event) {
        memberStream = MemberStream.of(event.tenantId(), event.individualId());
        tenantId = event.tenantId();
        individualId = event.individualId();
        circles.addAll(event.circleIds());
        for (AdoptedRoleAssignment held : event.assignments()) {
            assignments.put(held.assignmentId(), RoleAssignment.adopted(held, event.individualId()));
        }
    }

    @EventSourcingHandler
    void on(CircleMemberAdded event) {
        circles.add(event.circleId());
    }

    @EventSourcingHandler
    void on(OperatorRoleAssigned event) {
        assignments.put(
                event.assignmentId(),
                new RoleAssignment(
                        event.assignmentId(),
                        event.roleKey(),
                        event.individualId(),
                        event.circleId(),
                        true,
                        event.assignedAt(),
                        event.assignedByIndividualId(),
                        null,
                        null,
                        null));
    }

    @EventSourcingHandler
    void on(OperatorRoleRevoked event) {
        assignments.computeIfPresent(
                event.assignmentId(),
                (id, held) -> held.revoked(event.revokedAt(), event.revokedByIndividualId(), event.reason()));
    }

    TenantMember() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
