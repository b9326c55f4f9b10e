package dev.custos.api.authority;

import dev.custos.api.access.Idempotent;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.support.Paging;
import dev.custos.query.authority.AccessEventView;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.authority.GrantView;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
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
            return Idempotent.create(
                    body.clientRequestId(),
                    () -> grants.grantByClientRequest(action.acting().scope(), body.clientRequestId()),
                    CreateGrantRequest::madeFrom,
                    body.asked(action.acting().circleId()),
                    () -> sharing.create(action, action.subjectId(), body));
        });
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Paging paging = Paging.of(request);
        return pipeline.handle(
                AuthorityActions.LIST_GRANTS,
                request,
                action -> grants.grants(action.acting().scope(), paging.limit(), paging.offset())
                        .collectList()
                        .map(GrantsResponse::new));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return pipeline.handle(
                AuthorityActions.REVOKE_GRANT,
                request,
                action ->
                        sharing.revoke(action, action.subjectId(), action.body().reason()));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        Paging paging = Paging.of(request);
        return pipeline.handle(
                AuthorityActions.GRANT_EVENTS,
                request,
                action -> grants.events(action.acting().scope(), action.subjectId(), paging.limit(), paging.offset())
                        .collectList()
                        .map(AccessEventsResponse::new));
    }

    /** {@code GET /api/authority/grants}. */
    record GrantsResponse(List<GrantView> grants) {}

    /** {@code GET /api/authority/grants/{id}/events}. */
    record AccessEventsResponse(List<AccessEventView> events) {}
}
