package dev.custos.api.operator;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.support.Paging;
import dev.custos.command.directory.RoleAssignment;
import dev.custos.events.operator.OperatorRoleKey;
import dev.custos.query.operator.OperatorRoleReader;
import dev.custos.query.operator.OperatorRoleView;
import dev.custos.query.operator.RoleAssignmentView;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Role listing, assignment and revocation, for platform operators; each answers what its command decided. */
@Component
class OperatorRoleHandler {

    private final OperatorAuthorization authorization;
    private final OperatorPipeline pipeline;
    private final OperatorRoleReader roles;

    OperatorRoleHandler(OperatorAuthorization authorization, OperatorPipeline pipeline, OperatorRoleReader roles) {
        this.authorization = authorization;
        this.pipeline = pipeline;
        this.roles = roles;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Paging paging = Paging.of(request);
        return pipeline.handle(
                RoleActions.LIST_ROLES,
                request,
                action -> Mono.zip(
                                roles.roles(action.acting().scope()).collectList(),
                                roles.assignments(action.acting().scope(), paging.limit(), paging.offset())
                                        .collectList())
                        .map(both -> new RolesResponse(both.getT1(), both.getT2())));
    }

    Mono<ServerResponse> assign(ServerRequest request) {
        return pipeline.handle(
                RoleActions.ASSIGN,
                request,
                action -> authorization
                        .assignOperatorRole(
                                OperatorRoleKey.fromKey(action.body().roleKey()).orElseThrow(),
                                action.body().individualId(),
                                action)
                        .map(OperatorRoleHandler::view));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return pipeline.handle(
                RoleActions.REVOKE,
                request,
                action -> authorization
                        .revokeOperatorRole(action.subjectId(), action.body().reason(), action)
                        .map(OperatorRoleHandler::view));
    }

    /** The decided assignment in the same shape the role listing shows. */
    private static RoleAssignmentView view(RoleAssignment decided) {
        return new RoleAssignmentView(
                decided.assignmentId(),
                decided.roleKey(),
                decided.individualId(),
                decided.circleId(),
                decided.active() ? "active" : "revoked",
                decided.assignedAt(),
                decided.assignedByIndividualId(),
                decided.revokedAt(),
                decided.revokedByIndividualId(),
                decided.revokeReason());
    }

    /** {@code GET /api/operator/roles}: the tenant's roles and its assignments, newest first. */
    public record RolesResponse(List<OperatorRoleView> roles, List<RoleAssignmentView> assignments) {}
}
