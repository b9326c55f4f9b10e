package dev.custos.api.deadletter;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lists and retries dead letters for a platform admin; the queues are JDBC, so the work runs off the event loop. */
@Component
class DeadLetterHandler {

    private final DeadLetters deadLetters;

    DeadLetterHandler(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return admin(request)
                .then(Mono.fromCallable(deadLetters::list).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(letters -> ServerResponse.ok().bodyValue(new Listing(letters)));
    }

    Mono<ServerResponse> retry(ServerRequest request) {
        return admin(request)
                .then(Mono.fromCallable(() -> new Retried(deadLetters.retryAll(), deadLetters.lastCount()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(retried -> ServerResponse.ok().bodyValue(retried));
    }

    private static Mono<Caller> admin(ServerRequest request) {
        return Caller.of(request).filter(Caller::platformAdmin)
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden("This requires the custos:admin scope")));
    }

    /** The parked events, oldest sequence first. */
    record Listing(List<DeadLetterView> deadLetters) {
    }

    /** How many sequences a retry completed, and how many letters are still parked. */
    record Retried(int retried, long remaining) {
    }
}
