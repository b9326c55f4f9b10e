package dev.custos.api.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.custos.api.problem.Overloaded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Dispatches commands on a bounded pool of worker threads, never on the event loop: a command runs a JDBC
 * transaction.
 *
 * <ul>
 *   <li>A client that goes away does not reach the worker: the answer is dropped, the command finishes and commits
 *       (or rolls back whole). Nothing ever interrupts a worker, so no transaction is cut half way.</li>
 *   <li>Overload is answered at once: a full queue, or a command that waited past its bound before it started, is
 *       {@link Overloaded} (503) and was never dispatched.</li>
 *   <li>A command that lost an optimistic-concurrency race with another instance is tried again, against the newer
 *       state; a refusal is final.</li>
 * </ul>
 */
@Component
public class Commands implements DisposableBean {

    private static final int CONCURRENCY_RETRIES = 3;

    private final CommandGateway gateway;
    private final ThreadPoolExecutor workers;
    private final long maxWaitNanos;
    private final MeterRegistry meters;
    private final AggregatelessEvents aggregateless;

    public Commands(CommandGateway gateway, CommandProperties properties, MeterRegistry meters,
                    AggregatelessEvents aggregateless) {
        this.gateway = gateway;
        this.meters = meters;
        this.aggregateless = aggregateless;
        this.maxWaitNanos = properties.effectiveMaxWait().toNanos();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(properties.effectiveWorkers(), properties.effectiveWorkers(),
                1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(properties.effectiveQueue()), task -> {
                    Thread thread = new Thread(task, "custos-command-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Sends a command whose handler answers nothing; completes once it is committed. */
    public Mono<Void> send(Object command) {
        return call(command, Map.of(), Object.class).then();
    }

    /** Sends a command and answers with what its handler returned, once it is committed. */
    public <R> Mono<R> call(Object command, Class<R> resultType) {
        return call(command, Map.of(), resultType);
    }

    /** {@link #send(Object)} with metadata that Axon copies onto the command's events. */
    public Mono<Void> send(Object command, Map<String, ?> metaData) {
        return call(command, metaData, Object.class).then();
    }

    /** {@link #call(Object, Class)} with metadata that Axon copies onto the command's events. */
    public <R> Mono<R> call(Object command, Map<String, ?> metaData, Class<R> resultType) {
        return onWorker(() -> resultType.cast(dispatch(command, metaData)));
    }

    /**
     * Appends an event that belongs to no aggregate (an action that changes nothing but must be on record), with
     * metadata, on the same workers and under the same bounds as a command; completes once it is committed.
     */
    public Mono<Void> record(Object event, Map<String, ?> metaData) {
        return onWorker(() -> {
            aggregateless.append(List.of(GenericEventMessage.asEventMessage(event).andMetaData(metaData)));
            return Boolean.TRUE;
        }).then();
    }

    private <R> Mono<R> onWorker(Supplier<R> work) {
        return Mono.defer(() -> {
            long queuedAt = System.nanoTime();
            CompletableFuture<R> answer;
            try {
                answer = CompletableFuture.supplyAsync(() -> {
                    if (System.nanoTime() - queuedAt > maxWaitNanos) {
                        throw new Overloaded();
                    }
                    return work.get();
                }, workers);
            } catch (RejectedExecutionException full) {
                return Mono.error(new Overloaded());
            }
            // suppressCancel: a cancelled subscriber (the client left) must not cancel the running command.
            // publishOn: what follows the answer (encoding, further reads) must not hold a command worker.
            return Mono.fromFuture(answer, true).publishOn(Schedulers.parallel());
        });
    }

    private Object dispatch(Object command, Map<String, ?> metaData) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "committed";
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                } catch (ConcurrencyException raced) {
                    if (attempt == CONCURRENCY_RETRIES) {
                        throw raced;
                    }
                    sleep(20L << attempt);
                }
            }
        } catch (RuntimeException failure) {
            outcome = "refused";
            throw failure;
        } finally {
            sample.stop(meters.timer("custos.commands", "command", command.getClass().getSimpleName(),
                    "outcome", outcome));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a command", e);
        }
    }

    @Override
    public void destroy() {
        // Let running commands finish and commit; new ones are refused.
        workers.shutdown();
    }
}
