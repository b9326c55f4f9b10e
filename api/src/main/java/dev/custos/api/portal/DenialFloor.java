package dev.custos.api.portal;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Every refused session exchange answers no sooner than one fixed time after it arrived
 * ({@code CUSTOS_PORTAL_DENIAL_FLOOR}, default 250 ms, above the slowest refusal: an argon2id check), so an unknown,
 * a revoked and a known token with a wrong passcode take the same time as well as giving the same bytes. The wait
 * is a timer, not a sleeping thread.
 */
@Component
class DenialFloor {

    private final Duration floor;

    DenialFloor(PortalProperties properties) {
        this.floor = properties.effectiveDenialFloor();
    }

    Mono<ServerResponse> hold(long startedNanos, ServerResponse denial) {
        Duration remaining = floor.minusNanos(System.nanoTime() - startedNanos);
        return remaining.isNegative() || remaining.isZero()
                ? Mono.just(denial)
                : Mono.delay(remaining).thenReturn(denial);
    }
}
