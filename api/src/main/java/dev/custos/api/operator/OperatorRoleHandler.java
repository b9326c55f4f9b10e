package dev.custos.api.operator;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.support.Ids;
import dev.custos.api.support.Paging;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.command.directory.RoleAssignment;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.operator.OperatorRoleReader;
import dev.custos.query.operator.RoleAssignmentView;
import reactor.core.publisher.Mono;

/** Role listing, assignment and revocation, for platform operators. The role check comes before reading the body. */
@Component
class OperatorRoleHandler {

    private final OperatorAuthorization authorization;
    private final OperatorActions actions;
    private final OperatorRoleReader roles;
    private final RequestBodies bodies;

    OperatorRoleHandler(OperatorAuthorization authorization, OperatorActions actions, OperatorRoleReader roles,
                        RequestBodies bodies) {
        this.authorization = authorization;
        this.actions = actions;
        this.roles = roles;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        Paging paging = Paging.of(request);
        return authorization.requireOperatorRole(PLATFORM_OPERATOR, context)
                .then(Mono.defer(() -> Mono.zip(
                        roles.roles(context.scope()).collectList(),
                        roles.assignments(context.scope(), paging.limit(), paging.offset())
                                .collectList())))
                .flatMap(both -> ServerResponse.ok().bodyValue(new RolesResponse(both.getT1(), both.getT2())));
    }

    /**
     * The assignment belongs to the circle the body names, else to the request's circle: a circle's platform
     * operator can only ever assign inside its own circle, never tenant-wide.
     */
    Mono<ServerResponse> assign(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return actions.reach(context, RequiredRole.of(PLATFORM_OPERATOR))
                .flatMap(reach -> bodies.read(request, AssignRoleRequest.class).flatMap(body -> authorization
                        .assignOperatorRole(OperatorRoleKey.fromKey(body.roleKey()).orElseThrow(),
                                body.individualId(), actions.inCircle(context, reach, body.circleId()))))
                .flatMap(assignment -> ServerResponse.status(HttpStatus.CREATED)
                        .bodyValue(view(assignment)));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        var assignmentId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, RequiredRole.of(PLATFORM_OPERATOR), ObjectKind.ROLE_ASSIGNMENT, assignmentId)
                .flatMap(acting -> bodies.read(request, RevokeRoleRequest.class)
                        .flatMap(body -> authorization.revokeOperatorRole(assignmentId, body.reason(), acting)))
                .flatMap(assignment -> ServerResponse.ok().bodyValue(view(assignment)));
    }

    /** The decided assignment in the same shape the role listing shows. */
    private static RoleAssignmentView view(RoleAssignment decided) {
        return new RoleAssignmentView(decided.assignmentId(), decided.roleKey(), decided.individualId(),
                decided.circleId(), decided.active() ? "active" : "revoked", decided.assignedAt(),
                decided.assignedByIndividualId(), decided.revokedAt(), decided.revokedByIndividualId(),
                decided.revokeReason());
    }
}
