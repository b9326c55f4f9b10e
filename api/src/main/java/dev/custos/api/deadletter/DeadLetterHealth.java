package dev.custos.api.deadletter;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /actuator/health} says {@code DEGRADED} (still HTTP 200, so nothing restarts the service) while any event
 * sits in a dead-letter queue: the service works, and a rebuild or retry is owed.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealth implements ReactiveHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final DeadLetters deadLetters;

    DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(deadLetters::refresh).subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(5))
                .map(count -> count == 0 ? Health.up().build()
                        : Health.status(DEGRADED).withDetail("dead_letters", count).build());
    }
}
