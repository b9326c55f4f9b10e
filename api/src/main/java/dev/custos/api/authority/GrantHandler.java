package dev.custos.api.authority;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.Action;
import dev.custos.api.access.Answer;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Paging;
import dev.custos.query.authority.AccessEventView;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.authority.GrantView;
import reactor.core.publisher.Mono;

/** Grants for any operator of the tenant: create (idempotent by client_request_id), list, revoke, access log. */
@Component
class GrantHandler {

    private final OperatorPipeline pipeline;
    private final GrantService sharing;
    private final AuthorityReader grants;

    GrantHandler(OperatorPipeline pipeline, GrantService sharing, AuthorityReader grants) {
        this.pipeline = pipeline;
        this.sharing = sharing;
        this.grants = grants;
    }

    /** A repeat of an earlier request (same client_request_id, same content) answers the original grant with 200. */
    Mono<ServerResponse> create(ServerRequest request) {
        return pipeline.handle(AuthorityActions.CREATE_GRANT, request, action -> {
            CreateGrantRequest body = action.body();
            Mono<GrantView> repeat = body.clientRequestId() == null ? Mono.empty()
                    : grants.grantByClientRequest(action.acting().scope(), body.clientRequestId());
            return repeat.<Object>map(original -> repeated(body, original))
                    .switchIfEmpty(Mono.defer(() -> createNew(action)));
        });
    }

    private Mono<Object> createNew(Action<CreateGrantRequest> action) {
        CreateGrantRequest body = action.body();
        return sharing.create(action, action.subjectId(), body).cast(Object.class)
                // Two requests with one client_request_id raced; the loser answers with the winner's grant, or
                // with a conflict when the winner's grant is one this caller cannot see.
                .onErrorResume(ProblemException::isUniqueViolation, race -> grants
                        .grantByClientRequest(action.acting().scope(), body.clientRequestId())
                        .<Object>map(original -> repeated(body, original))
                        .switchIfEmpty(Mono.error(() -> ProblemException.conflict(
                                "client_request_id is already used by another request"))));
    }

    /** The original grant for a true repeat; a key reused with a different request is a conflict. */
    private static Answer repeated(CreateGrantRequest body, GrantView original) {
        if (!body.repeats(original)) {
            throw ProblemException.conflict("client_request_id is already used by another request");
        }
        return Answer.ok(original);
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Paging paging = Paging.of(request);
        return pipeline.handle(AuthorityActions.LIST_GRANTS, request, action -> grants
                .grants(action.acting().scope(), paging.limit(), paging.offset()).collectList()
                .map(GrantsResponse::new));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return pipeline.handle(AuthorityActions.REVOKE_GRANT, request,
                action -> sharing.revoke(action, action.subjectId(), action.body().reason()));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        Paging paging = Paging.of(request);
        return pipeline.handle(AuthorityActions.GRANT_EVENTS, request, action -> grants
                .events(action.acting().scope(), action.subjectId(), paging.limit(), paging.offset()).collectList()
                .map(AccessEventsResponse::new));
    }

    /** {@code GET /api/authority/grants}. */
    record GrantsResponse(List<GrantView> grants) {
    }

    /** {@code GET /api/authority/grants/{id}/events}. */
    record AccessEventsResponse(List<AccessEventView> events) {
    }
}
