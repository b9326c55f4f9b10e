package dev.custos.api.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lists the stored events an aggregate cannot apply, for a platform administrator (./custos check-events). */
@Component
class UnreadableEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(UnreadableEventsHandler.class);

    private final UnreadableEvents events;

    UnreadableEventsHandler(UnreadableEvents events) {
        this.events = events;
    }

    Mono<ServerResponse> check(ServerRequest request) {
        return AdminRoutes.platformAdmin(request, "Checking the stored events")
                .flatMap(caller -> Mono.fromCallable(() -> {
                            log.info("Check of the stored events started by {}", caller.individualId());
                            return events.check();
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(report -> ServerResponse.ok().bodyValue(report));
    }
}
