package dev.custos.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.problem.Overloaded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import reactor.core.Disposable;

/**
 * The command workers: a client that leaves never interrupts its command, and overload is refused at once with
 * nothing dispatched. The gateway here is a stand-in that blocks until released; the workers are the real ones.
 */
class CommandsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger dispatched = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private Commands commands;

    private Commands commands(int workers, int queue, Duration maxWait) {
        CommandGateway blocking = (CommandGateway) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendAndWait")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    dispatched.incrementAndGet();
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    finished.incrementAndGet();
                    return "done";
                });
        commands = new Commands(
                blocking,
                new CommandProperties(workers, queue, maxWait),
                new SimpleMeterRegistry(),
                null,
                new CountingTransactions(),
                cache);
        return commands;
    }

    /** A transaction manager that only counts, for units whose steps are stand-ins. */
    private static final class CountingTransactions implements PlatformTransactionManager {

        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        public void rollback(TransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }

    private final WeakReferenceCache cache = new WeakReferenceCache();

    @AfterEach
    void stop() {
        release.countDown();
        commands.destroy();
    }

    @Test
    void aClientThatLeavesDoesNotInterruptItsCommand() throws Exception {
        Commands commands = commands(2, 4, Duration.ofSeconds(2));
        Disposable client = commands.call("place a hold", String.class).subscribe();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        client.dispose();
        Thread.sleep(100);
        release.countDown();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 1);
        assertThat(interrupted).isFalse();
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndNothingIsDispatched() throws Exception {
        Commands commands = commands(1, 1, Duration.ofSeconds(30));
        commands.call("running", String.class).subscribe();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        commands.call("queued", String.class).subscribe();

        long before = System.nanoTime();
        assertThatThrownBy(() -> commands.call("one too many", String.class).block(Duration.ofSeconds(5)))
                .isInstanceOf(Overloaded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void aCommandThatWaitedPastItsBoundIsRefusedUndispatched() throws Exception {
        Commands commands = commands(1, 4, Duration.ofMillis(50));
        commands.call("running", String.class).subscribe();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        var late = commands.call("waits too long", String.class).toFuture();

        Thread.sleep(200);
        release.countDown();

        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Overloaded.class);
        assertThat(dispatched).hasValue(1);
    }

    @Test
    void aUnitThatFailsAfterAHandledStepForgetsEveryCachedAggregate() {
        Commands commands = commands(1, 1, Duration.ofSeconds(2));
        release.countDown();
        cache.put("hold", "a state with the first step's events");

        assertThatThrownBy(() -> commands.inTransaction(Map.of(), steps -> {
                            steps.send("first step");
                            throw new IllegalStateException("second step failed");
                        })
                        .block(Duration.ofSeconds(5)))
                .hasMessage("second step failed");

        assertThat(cache.containsKey("hold")).isFalse();
    }

    @Test
    void aUnitRefusedAtItsFirstStepKeepsTheCache() {
        Commands commands = commands(1, 1, Duration.ofSeconds(2));
        release.countDown();
        cache.put("hold", "committed state");

        assertThatThrownBy(() -> commands.inTransaction(Map.of(), steps -> {
                            throw new IllegalStateException("refused before any step");
                        })
                        .block(Duration.ofSeconds(5)))
                .hasMessage("refused before any step");

        assertThat(cache.containsKey("hold")).isTrue();
    }

    @Test
    void aUnitThatLostAConcurrencyRaceRunsAgainFromItsStart() {
        Commands commands = commands(1, 1, Duration.ofSeconds(2));
        release.countDown();
        AtomicInteger runs = new AtomicInteger();

        String answer = commands.inTransaction(Map.of(), steps -> {
                    steps.send("step");
                    if (runs.incrementAndGet() < 3) {
                        throw new ConcurrencyException("another instance appended first");
                    }
                    return "run " + runs.get();
                })
                .block(Duration.ofSeconds(5));

        assertThat(answer).isEqualTo("run 3");
        assertThat(dispatched).hasValue(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        Commands commands = commands(1, 1, Duration.ofSeconds(2));
        release.countDown();
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> commands.inTransaction(Map.of(), steps -> {
                            runs.incrementAndGet();
                            throw new IllegalArgumentException("refused");
                        })
                        .block(Duration.ofSeconds(5)))
                .hasMessage("refused");
        assertThat(runs).hasValue(1);
    }

    @Test
    void anAnswerArrivesOnceTheCommandHasRun() {
        Commands commands = commands(1, 1, Duration.ofSeconds(2));
        release.countDown();
        assertThat(commands.call("ok", String.class).block(Duration.ofSeconds(5)))
                .isEqualTo("done");
    }
}
