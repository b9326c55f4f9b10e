package dev.custos.api.support;

import dev.custos.api.problem.Overloaded;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Aggregates;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs commands on a bounded pool of worker threads, never on the event loop, each unit of work in one JDBC
 * transaction.
 *
 * <ul>
 *   <li>A unit of work is one or more commands (and events of no aggregate) sent by a piece of work on the worker:
 *       one operator action, however many commands it takes. Every step's events, their projections and the
 *       action's audit row are written in the unit's transaction, which commits them all or none.</li>
 *   <li>A client that goes away does not reach the worker: the answer is dropped, the unit finishes and commits
 *       (or rolls back whole). Nothing ever interrupts a worker, so no transaction is cut half way.</li>
 *   <li>Overload is answered at once: a full queue, or a unit that waited past its bound before it started, is
 *       {@link Overloaded} (503) and was never begun.</li>
 *   <li>A unit that lost an optimistic-concurrency race (another instance appended to one of its aggregates first),
 *       or a deadlock with another unit over the locks both take, is rolled back and run again from its start,
 *       against the newer state; a refusal is final.</li>
 *   <li>A unit rolled back after some of its steps were handled leaves no aggregate in memory with their events:
 *       the cache is emptied, so the next command reads the store again.</li>
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
    private final TransactionTemplate transactions;
    private final Cache aggregates;

    public Commands(
            CommandGateway gateway,
            CommandProperties properties,
            MeterRegistry meters,
            AggregatelessEvents aggregateless,
            PlatformTransactionManager transactions,
            @Qualifier(Aggregates.CACHE) Cache aggregates) {
        this.gateway = gateway;
        this.meters = meters;
        this.aggregateless = aggregateless;
        this.transactions = new TransactionTemplate(transactions);
        this.aggregates = aggregates;
        this.maxWaitNanos = properties.effectiveMaxWait().toNanos();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                properties.effectiveWorkers(),
                properties.effectiveWorkers(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(properties.effectiveQueue()),
                task -> {
                    Thread thread = new Thread(task, "custos-command-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
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
        return inTransaction(metaData, steps -> steps.call(command, resultType));
    }

    /**
     * Appends an event that belongs to no aggregate (an action that changes nothing but must be on record), with
     * metadata, on the same workers and under the same bounds as a command; completes once it is committed.
     */
    public Mono<Void> record(Object event, Map<String, ?> metaData) {
        return inTransaction(metaData, steps -> {
                    steps.record(event);
                    return Boolean.TRUE;
                })
                .then();
    }

    /**
     * Runs {@code work} on a command worker as one unit of work: one JDBC transaction around every command it
     * sends (each carrying {@code metaData}) and every read it makes through the transaction-bound JDBC template.
     * Completes with what the work answered once everything is committed; a failure of any step rolls back all.
     * The work may run more than once (a lost concurrency race), so it must not act outside the transaction.
     */
    public <R> Mono<R> inTransaction(Map<String, ?> metaData, Function<CommandTransaction, R> work) {
        return onWorker(() -> runWhole(metaData, work));
    }

    private <R> R runWhole(Map<String, ?> metaData, Function<CommandTransaction, R> work) {
        for (int attempt = 0; ; attempt++) {
            CommandTransaction steps = new CommandTransaction(gateway, aggregateless, metaData, meters);
            try {
                return transactions.execute(status -> {
                    try {
                        return work.apply(steps);
                    } catch (RuntimeException failure) {
                        forget(steps);
                        throw failure;
                    }
                });
            } catch (RuntimeException failure) {
                forget(steps);
                boolean raced = failure instanceof ConcurrencyException || ProblemException.isDeadlock(failure);
                if (!raced || attempt == CONCURRENCY_RETRIES) {
                    throw failure;
                }
                sleep(20L << attempt);
            }
        }
    }

    /**
     * A handled step's events live on in the cached aggregates when its transaction does not commit. They are
     * forgotten before the rollback gives up the aggregates' locks (and again after a failed commit), so no other
     * unit can load them.
     */
    private void forget(CommandTransaction steps) {
        if (steps.changedAnything()) {
            aggregates.removeAll();
        }
    }

    private <R> Mono<R> onWorker(Supplier<R> work) {
        return Mono.defer(() -> {
            long queuedAt = System.nanoTime();
            CompletableFuture<R> answer;
            try {
                answer = CompletableFuture.supplyAsync(
                        () -> {
                            if (System.nanoTime() - queuedAt > maxWaitNanos) {
                                throw new Overloaded();
                            }
                            return work.get();
                        },
                        workers);
            } catch (RejectedExecutionException full) {
                return Mono.error(new Overloaded());
            }
            // suppressCancel: a cancelled subscriber (the client left) must not cancel the running command.
            // publishOn: what follows the answer (encoding, further reads) must not hold a command worker.
            return Mono.fromFuture(answer, true).publishOn(Schedulers.parallel());
        });
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
