package dev.custos.api.operator;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.support.Ids;
import dev.custos.api.support.Paging;
import dev.custos.query.operator.OperatorEventFilter;
import dev.custos.query.operator.OperatorEventReader;
import dev.custos.query.operator.OperatorEventView;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/operator/events}: the operator audit log with the seed's filters. */
@Component
class OperatorEventHandler {

    private final OperatorPipeline pipeline;
    private final OperatorEventReader events;

    OperatorEventHandler(OperatorPipeline pipeline, OperatorEventReader events) {
        this.pipeline = pipeline;
        this.events = events;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Paging paging = Paging.of(request);
        OperatorEventFilter filter = new OperatorEventFilter(
                request.queryParam("action_key").orElse(null),
                request.queryParam("subject_type").orElse(null),
                uuidParam(request, "subject_id"),
                uuidParam(request, "operator_individual_id"),
                uuidParam(request, "circle_id"));
        return pipeline.handle(
                RoleActions.LIST_EVENTS,
                request,
                action -> events.find(action.acting().scope(), filter, paging.limit(), paging.offset())
                        .collectList()
                        .map(OperatorEventsResponse::new));
    }

    private static UUID uuidParam(ServerRequest request, String name) {
        return request.queryParam(name).map(value -> Ids.parse(value, name)).orElse(null);
    }

    /** {@code GET /api/operator/events}: audit rows, newest first. */
    public record OperatorEventsResponse(List<OperatorEventView> events) {}
}
