package dev.custos.api.portal;

import dev.custos.api.problem.Overloaded;
import dev.custos.api.support.AggregatelessEvents;
import dev.custos.command.authority.Visit;
import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityDownloadIssued;
import dev.custos.events.authority.AuthorityRateLimited;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's access log, off the write model. Each access is an event that belongs to no aggregate: it is
 * appended to the event store (so the audit chain covers it), and its {@code cc_authority_access_events} row is
 * written by the synchronous projection in the same transaction.
 *
 * <p>One writer thread group-commits: it takes every access queued at that moment and appends them in one
 * transaction, one fsync. While a batch commits the next one gathers, so under load batches grow and commits stay
 * few, and alone a request waits for nothing but its own commit. A request is answered only after its batch is
 * durable, so no answered access is unlogged. When a batch fails, its accesses are retried one by one so that one
 * bad access fails alone.
 */
@Component
class AccessLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final int MAX_BATCH = 256;
    private static final int MAX_PENDING = 10_000;

    private record Pending(EventMessage<?> event, CompletableFuture<Void> logged) {}

    private final AggregatelessEvents events;
    private final BlockingQueue<Pending> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    private volatile boolean running;
    private Thread writer;

    private final Clock clock;

    AccessLog(AggregatelessEvents events, Clock clock, MeterRegistry meters) {
        this.events = events;
        this.clock = clock;
        // The one writer that is not in its command's transaction: how far it is behind is its queue.
        Gauge.builder("custos.access_log.pending", pending, BlockingQueue::size)
                .description("portal accesses taken and not yet durable")
                .register(meters);
    }

    /** What a session request did; a read's view number is 0: only an exchange counts views. */
    enum Kind {
        READ,
        DOWNLOAD,
        RATE_LIMITED,
        DENIED
    }

    /** Logs an access of {@code kind} to the token; completes once it is durable. */
    Mono<Void> record(UUID tenantId, UUID grantId, UUID tokenId, Kind kind, UUID evidenceId, Visit visit) {
        Instant now = clock.instant();
        return record(
                switch (kind) {
                    case READ ->
                        new AuthorityAccessAllowed(
                                tenantId, grantId, tokenId, false, 0, visit.ip(), visit.userAgent(), visit.path(), now);
                    case DOWNLOAD ->
                        new AuthorityDownloadIssued(
                                tenantId,
                                grantId,
                                tokenId,
                                evidenceId,
                                visit.ip(),
                                visit.userAgent(),
                                visit.path(),
                                now);
                    case RATE_LIMITED ->
                        new AuthorityRateLimited(
                                tenantId, grantId, tokenId, visit.ip(), visit.userAgent(), visit.path(), now);
                    case DENIED ->
                        new AuthorityAccessDenied(
                                tenantId,
                                grantId,
                                tokenId,
                                "session_inactive",
                                visit.ip(),
                                visit.userAgent(),
                                visit.path(),
                                now);
                });
    }

    /** Completes once the access is durably logged; fails (503) when the log cannot keep up. */
    private Mono<Void> record(Object access) {
        return Mono.defer(() -> {
            CompletableFuture<Void> logged = new CompletableFuture<>();
            if (!running || !pending.offer(new Pending(GenericEventMessage.asEventMessage(access), logged))) {
                return Mono.error(new Overloaded());
            }
            // publishOn: the answer is encoded off the one writer thread, which must only write batches.
            return Mono.fromFuture(logged, true).publishOn(Schedulers.parallel());
        });
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            events.append(batch.stream().map(Pending::event).toList());
            batch.forEach(access -> access.logged().complete(null));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                log.error("An access could not be logged; its request is refused", failure);
                batch.get(0).logged().completeExceptionally(failure);
                return;
            }
            for (Pending access : batch) {
                write(List.of(access));
            }
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::writeBatches, "custos-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops taking accesses, and writes every one already taken before the service goes down. */
    @Override
    public void stop() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before Axon's event store and processors do, so the last batch still has somewhere to go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }
}
