package dev.custos.api.edge;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;

/**
 * A request without a body (no {@code Content-Length}, no {@code Transfer-Encoding}) has its empty body read to the
 * end before anything answers it. An answer written before the server had read the request's end was seen to leave
 * the next request on that kept-alive connection unanswered (the fuzzer found it with the JDK client);
 * handlers that ask for the body get an empty one.
 */
@Component
@Order(-300)
class BodilessRequests implements WebFilter {

    @Override
    public reactor.core.publisher.Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest drained = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.empty();
            }
        };
        return request.getBody()
                .doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release)
                .then(chain.filter(exchange.mutate().request(drained).build()));
    }
}
