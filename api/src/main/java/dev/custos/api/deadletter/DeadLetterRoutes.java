package dev.custos.api.deadletter;

import static dev.custos.api.support.ApiDocs.operation;

import java.util.List;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.Caller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/admin/dead-letters}: what the streaming processors parked, for a platform admin to see and retry. */
@Configuration(proxyBeanMethods = false)
class DeadLetterRoutes {

    private static final String TAG = "admin";

    @Bean
    RouterFunction<ServerResponse> deadLetterRouter(DeadLetters deadLetters) {
        return SpringdocRouteBuilder.route()
                .GET("/api/admin/dead-letters", request -> admin(request).then(Mono.fromCallable(deadLetters::list)
                                .subscribeOn(Schedulers.boundedElastic()))
                                .flatMap(letters -> ServerResponse.ok().bodyValue(new Listing(letters))),
                        operation(TAG, "listDeadLetters", "Parked events of the streaming processors (custos:admin)",
                                null, 200, Listing.class))
                .POST("/api/admin/dead-letters/retry", request -> admin(request)
                                .then(Mono.fromCallable(() -> new Retried(deadLetters.retryAll(), deadLetters.lastCount()))
                                        .subscribeOn(Schedulers.boundedElastic()))
                                .flatMap(retried -> ServerResponse.ok().bodyValue(retried)),
                        operation(TAG, "retryDeadLetters", "Retry every parked sequence (custos:admin)", null, 200,
                                Retried.class))
                .build();
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
