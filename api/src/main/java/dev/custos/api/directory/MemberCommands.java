package dev.custos.api.directory;

import dev.custos.api.access.Action;
import dev.custos.command.CommandRefused;
import dev.custos.command.Refusal;
import dev.custos.command.directory.AddCircleMember;
import dev.custos.command.directory.AddTenantMember;
import dev.custos.command.directory.AdoptTenantMember;
import dev.custos.command.directory.AssignOperatorRole;
import dev.custos.command.directory.RevokeOperatorRole;
import dev.custos.command.directory.RoleAssignment;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.query.directory.CommittedMembers;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.operator.OperatorRoleReader;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The commands on one tenant member, each decided on that member's own stream. A member the tenant's stream recorded
 * before members had streams (and every tenant's first operator) has none yet: the first command that needs it finds
 * no stream, adopts the member with what the directory holds of it, and runs again. The adoption carries no action,
 * so it writes no audit row, and a refusal after it changes nothing a reader sees.
 */
@Service
public class MemberCommands {

    private final DirectoryReader directory;
    private final CommittedMembers members;
    private final OperatorRoleReader roles;

    MemberCommands(DirectoryReader directory, CommittedMembers members, OperatorRoleReader roles) {
        this.directory = directory;
        this.members = members;
        this.roles = roles;
    }

    /**
     * The member's stream refuses a second member of the same individual; the directory, read in the same
     * transaction, refuses one whose membership only the tenant's stream recorded, which has no member stream to
     * refuse it yet.
     */
    public Mono<Void> addTenantMember(Action<?> action, UUID individualId, String displayName) {
        return action.atomically(steps -> {
                    if (members.isMember(action.tenantId(), individualId)) {
                        throw CommandRefused.refused(
                                Refusal.ALREADY_MEMBER, "the individual is already a member of the tenant");
                    }
                    steps.send(new AddTenantMember(
                            action.tenantId(),
                            individualId,
                            displayName,
                            action.individualId(),
                            action.acting().reach()));
                    return individualId;
                })
                .then();
    }

    public Mono<Void> addCircleMember(Action<?> action, UUID circleId, UUID individualId) {
        return onMember(
                action,
                individualId,
                () -> action.send(new AddCircleMember(
                        action.tenantId(),
                        circleId,
                        individualId,
                        action.individualId(),
                        action.acting().reach())));
    }

    /** Assigns in the action's circle ({@code null}: tenant-wide); the assignment takes the action's subject id. */
    public Mono<RoleAssignment> assign(Action<?> action, OperatorRoleKey role, UUID individualId) {
        return onMember(
                action,
                individualId,
                () -> action.call(
                        new AssignOperatorRole(
                                action.tenantId(),
                                action.subjectId(),
                                role.key(),
                                individualId,
                                action.acting().circleId(),
                                action.individualId(),
                                action.acting().reach()),
                        RoleAssignment.class));
    }

    /** The assignment's holder decides its revocation; the gate has already found the assignment visible. */
    public Mono<RoleAssignment> revoke(Action<?> action, UUID assignmentId, String reason) {
        return roles.assignment(action.acting().scope(), assignmentId)
                .switchIfEmpty(Mono.error(CommandRefused.notFound("no such role assignment")))
                .flatMap(assignment -> onMember(
                        action,
                        assignment.individualId(),
                        () -> action.call(
                                new RevokeOperatorRole(
                                        action.tenantId(),
                                        assignmentId,
                                        assignment.individualId(),
                                        reason,
                                        action.individualId(),
                                        action.acting().reach()),
                                RoleAssignment.class)));
    }

    private <R> Mono<R> onMember(Action<?> action, UUID individualId, Supplier<Mono<R>> command) {
        return Mono.defer(command)
                .onErrorResume(
                        AggregateNotFoundException.class,
                        noStream -> adopt(action, individualId).then(Mono.defer(command)));
    }

    private Mono<Void> adopt(Action<?> action, UUID individualId) {
        return directory
                .memberRecord(action.acting().scope(), individualId)
                .switchIfEmpty(Mono.error(
                        CommandRefused.refused(Refusal.NOT_A_MEMBER, "the individual is not a member of the tenant")))
                .flatMap(record -> action.commands()
                        .send(new AdoptTenantMember(
                                action.tenantId(), individualId, record.circleIds(), record.assignments()))
                        // Another command adopted the member first: its stream is there now, which is all we need.
                        .onErrorResume(MemberCommands::alreadyAdopted, raced -> Mono.empty()));
    }

    private static boolean alreadyAdopted(Throwable failure) {
        return failure instanceof CommandRefused refused && refused.reason() == CommandRefused.Reason.CONFLICT;
    }
}
