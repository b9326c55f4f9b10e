package dev.custos.api.support;

import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Dispatches commands off the event loop: the command runs a JDBC transaction and must never block a Netty thread.
 * A command that lost an optimistic-concurrency race with another instance is simply tried again, against the
 * newer state; a refusal is final.
 */
@Component
public class Commands {

    private static final int CONCURRENCY_RETRIES = 3;

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends a command whose handler answers nothing; completes once it is committed. */
    public Mono<Void> send(Object command) {
        return call(command, Object.class).then();
    }

    /** Sends a command and answers with what its handler returned, once it is committed. */
    public <R> Mono<R> call(Object command, Class<R> resultType) {
        return Mono.fromCallable(() -> resultType.cast(gateway.sendAndWait(command)))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(CONCURRENCY_RETRIES, Duration.ofMillis(20))
                        .filter(ConcurrencyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
