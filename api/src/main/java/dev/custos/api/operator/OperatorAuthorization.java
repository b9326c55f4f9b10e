package dev.custos.api.operator;

import dev.custos.api.access.Action;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.directory.MemberCommands;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.directory.RoleAssignment;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.query.operator.OperatorRoleReader;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The seed's operator authorization helpers ({@code requireOperatorRole}, {@code isOperatorRole},
 * {@code getOperatorRoles}, {@code assignOperatorRole}, {@code revokeOperatorRole}) in Java.
 * A tenant-wide assignment counts everywhere in the tenant; a circle assignment counts only when that circle
 * is the request's circle ({@code x-circle-id}).
 */
@Service
public class OperatorAuthorization {

    private final OperatorRoleReader roles;
    private final OperatorActions actions;
    private final MemberCommands members;

    public OperatorAuthorization(OperatorRoleReader roles, OperatorActions actions, MemberCommands members) {
        this.roles = roles;
        this.actions = actions;
        this.members = members;
    }

    public Mono<Boolean> isOperatorRole(OperatorRoleKey role, RequestContext context) {
        return actions.counts(context, RequiredRole.of(role));
    }

    /** Completes empty when the caller holds the role here, and fails with 403 otherwise. */
    public Mono<Void> requireOperatorRole(OperatorRoleKey role, RequestContext context) {
        return actions.reach(context, RequiredRole.of(role)).then();
    }

    public Mono<List<String>> getOperatorRoles(RequestContext context) {
        return roles.effectiveRoleKeys(context.scope(), context.circleId()).collectList();
    }

    /** Assigns in the circle the action was granted for ({@code null}: tenant-wide). */
    public Mono<RoleAssignment> assignOperatorRole(OperatorRoleKey role, UUID individualId, Action<?> action) {
        return members.assign(action, role, individualId);
    }

    public Mono<RoleAssignment> revokeOperatorRole(UUID assignmentId, String reason, Action<?> action) {
        return members.revoke(action, assignmentId, reason);
    }
}
