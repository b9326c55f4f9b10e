package dev.custos.api.portal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every portal answer by outcome ({@code custos.portal.requests}): allowed, denied (401), not_found (404),
 * rate_limited (429) or other, from the status alone, so no handler has to remember to count. It counts when the
 * answer is committed, so an answer written by the problem handler after a failure counts as what it says.
 */
@Component
class PortalOutcomes implements WebFilter {

    private final Counter allowed;
    private final Counter denied;
    private final Counter notFound;
    private final Counter rateLimited;
    private final Counter other;

    PortalOutcomes(MeterRegistry meters) {
        this.allowed = counter(meters, "allowed");
        this.denied = counter(meters, "denied");
        this.notFound = counter(meters, "not_found");
        this.rateLimited = counter(meters, "rate_limited");
        this.other = counter(meters, "other");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/p/authority/")) {
            return chain.filter(exchange);
        }
        exchange.getResponse()
                .beforeCommit(() ->
                        Mono.fromRunnable(() -> count(exchange.getResponse().getStatusCode())));
        return chain.filter(exchange);
    }

    private void count(HttpStatusCode status) {
        int code = status == null ? 200 : status.value();
        Counter counter = switch (code) {
            case 401 -> denied;
            case 404 -> notFound;
            case 429 -> rateLimited;
            default -> code >= 200 && code < 300 ? allowed : other;
        };
        counter.increment();
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("custos.portal.requests")
                .tag("outcome", outcome)
                .description("Portal answers by outcome")
                .register(meters);
    }
}
