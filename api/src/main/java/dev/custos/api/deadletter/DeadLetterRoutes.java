package dev.custos.api.deadletter;

import static dev.custos.api.support.ApiDocs.operation;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /api/admin/dead-letters}: what the streaming processors parked, for a platform admin to see and retry. */
@Configuration(proxyBeanMethods = false)
class DeadLetterRoutes {

    private static final String TAG = "admin";

    @Bean
    RouterFunction<ServerResponse> deadLetterRouter(DeadLetterHandler deadLetters) {
        return SpringdocRouteBuilder.route()
                .GET("/api/admin/dead-letters", deadLetters::list, operation(TAG, "listDeadLetters",
                        "Parked events of the streaming processors (custos:admin)", null, 200,
                        DeadLetterHandler.Listing.class))
                .POST("/api/admin/dead-letters/retry", deadLetters::retry, operation(TAG, "retryDeadLetters",
                        "Retry every parked sequence (custos:admin)", null, 200, DeadLetterHandler.Retried.class))
                .build();
    }
}
