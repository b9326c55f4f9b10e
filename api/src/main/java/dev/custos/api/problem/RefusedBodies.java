package dev.custos.api.problem;

import java.time.Duration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A refused request is still read to its end before the answer (a body a handler already read is not read
 * again): a client still sending a body otherwise sees a reset instead of the answer, and a kept-alive connection
 * whose request was never read was seen (with the JDK client) to leave the next request on it unanswered. A body
 * declared larger than {@link #MAX_BYTES} is not read at all, and past {@link #MAX_BYTES} or {@link #MAX_TIME}
 * reading stops; either way the connection is closed after the answer.
 */
final class RefusedBodies {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final Duration MAX_TIME = Duration.ofSeconds(10);

    private RefusedBodies() {}

    static Mono<Void> drain(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_BYTES) {
            // Too large to read, and its client may wait for this answer before sending a byte of it.
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.empty();
        }
        return exchange.getRequest()
                .getBody()
                .scan(0L, (total, buffer) -> {
                    long read = total + buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return read;
                })
                .takeUntil(total -> total > MAX_BYTES)
                .last(0L)
                .timeout(MAX_TIME, Mono.just(Long.MAX_VALUE))
                // Already read by the handler: nothing is left on the connection.
                .onErrorReturn(0L)
                .doOnNext(total -> {
                    if (total > MAX_BYTES) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
                    }
                })
                .then();
    }
}
