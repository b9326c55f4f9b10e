package dev.custos.api.audit;

import dev.custos.api.audit.witness.WitnessedCheckpoints;
import dev.custos.api.problem.DatabaseUnavailable;
import dev.custos.query.audit.ChainFollower;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the chain follower every {@code custos.audit.chain-interval} and signs moved heads every
 * {@code custos.audit.checkpoint-interval}, each new checkpoint sent to the configured witnesses, on one thread of
 * its own (never a request's). A failed round is logged
 * and the next one tries again: nothing is lost, because the follower's position only moves with what it chained.
 */
@Component
class AuditChainSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainSchedule.class);

    private final ChainFollower follower;
    private final WitnessedCheckpoints checkpoints;
    private final AuditSigningKey key;
    private final AuditProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;
    private volatile Instant lastCaughtUp;
    private volatile boolean databaseWasReachable = true;

    AuditChainSchedule(
            ChainFollower follower,
            WitnessedCheckpoints checkpoints,
            AuditSigningKey key,
            AuditProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.follower = follower;
        this.checkpoints = checkpoints;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
        this.lastCaughtUp = clock.instant();
        // How long ago the follower last finished a round with everything final chained: it grows while rounds
        // fail. (Events behind a transaction that stays open are not final yet, so they do not count.)
        Gauge.builder(
                        "custos.audit.chain.behind",
                        this,
                        schedule -> Math.max(0, clock.millis() - schedule.lastCaughtUp.toEpochMilli()) / 1000.0)
                .baseUnit("seconds")
                .description("time since the audit chain last held every final event")
                .register(meters);
    }

    private void follow() {
        try {
            follower.catchUp();
            lastCaughtUp = clock.instant();
            databaseWasReachable = true;
        } catch (RuntimeException failure) {
            roundFailed("The audit chain could not be extended this round; the next round retries", failure);
        }
    }

    private void checkpoint() {
        try {
            follower.catchUp();
            checkpoints.signMovedHeads(key);
        } catch (RuntimeException failure) {
            roundFailed("Audit checkpoints could not be signed this round; the next round retries", failure);
        }
    }

    /**
     * A round that failed because the database is out of reach says so once, without a stack trace, until a round
     * succeeds again: an outage would otherwise log ten traces a second, and the requests' 503s already tell it.
     */
    private void roundFailed(String what, RuntimeException failure) {
        if (!DatabaseUnavailable.causedBy(failure)) {
            log.error(what, failure);
        } else if (databaseWasReachable) {
            databaseWasReachable = false;
            log.warn("{}: the database is out of reach", what);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "custos-audit-chain");
            thread.setDaemon(true);
            return thread;
        });
        long chain = properties.chainInterval().toMillis();
        long sign = properties.checkpointInterval().toMillis();
        started.scheduleWithFixedDelay(this::follow, chain, chain, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::checkpoint, sign, sign, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            // A round is one transaction: one cut short rolls back, and the next start carries on from the position.
            running.shutdown();
            try {
                if (!running.awaitTermination(2, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
