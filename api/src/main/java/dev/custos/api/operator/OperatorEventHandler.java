package dev.custos.api.operator;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.support.Ids;
import dev.custos.api.support.Paging;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.query.operator.OperatorEventFilter;
import dev.custos.query.operator.OperatorEventReader;
import reactor.core.publisher.Mono;

/** {@code GET /api/operator/events}: the operator audit log with the seed's filters. */
@Component
class OperatorEventHandler {

    private final OperatorAuthorization authorization;
    private final OperatorEventReader events;

    OperatorEventHandler(OperatorAuthorization authorization, OperatorEventReader events) {
        this.authorization = authorization;
        this.events = events;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        Paging paging = Paging.of(request);
        OperatorEventFilter filter = new OperatorEventFilter(
                request.queryParam("action_key").orElse(null),
                request.queryParam("subject_type").orElse(null),
                uuidParam(request, "subject_id"),
                uuidParam(request, "operator_individual_id"),
                uuidParam(request, "circle_id"));
        return authorization.requireOperatorRole(PLATFORM_OPERATOR, context)
                .then(Mono.defer(() -> events.find(context.scope(), filter, paging.limit(), paging.offset())
                        .collectList()))
                .flatMap(rows -> ServerResponse.ok().bodyValue(new OperatorEventsResponse(rows)));
    }

    private static UUID uuidParam(ServerRequest request, String name) {
        return request.queryParam(name).map(value -> Ids.parse(value, name)).orElse(null);
    }
}
