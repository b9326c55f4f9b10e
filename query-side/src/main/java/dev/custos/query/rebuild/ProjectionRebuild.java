package dev.custos.query.rebuild;

import dev.custos.query.ProcessingGroups;
import dev.custos.query.portal.PortalIndexRefresh;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read table from the event store, in one JDBC transaction as {@code custos_app}: it waits at the
 * gate until no transaction that has appended events is still running (V21), locks the tables against writers,
 * empties those of {@link ProjectionTables#REBUILT}, then hands every stored event, in global order and through
 * the upcasters, to the {@code synchronous} processor's own handlers, so the very code that wrote the rows live
 * writes them again. It commits all of it or, on any failure, nothing: the tables are then as they were.
 *
 * <p>Readers are never blocked: until the commit they see the rows as they were (DELETE, unlike TRUNCATE, keeps
 * them for older snapshots). Writers wait: a command appends only after the rebuild has committed, and projects
 * its own events then. Every handler in the group only writes its tables (no command, mail, blob or publication),
 * so nothing but rows is done again.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStorageEngine eventStore;
    private final EventProcessingConfiguration processing;
    private final PortalIndexRefresh portalIndex;

    public ProjectionRebuild(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            EventStorageEngine eventStore,
            EventProcessingConfiguration processing,
            PortalIndexRefresh portalIndex) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.eventStore = eventStore;
        this.processing = processing;
        this.portalIndex = portalIndex;
    }

    /** What a rebuild did: each table's rows before and after, and how many events it replayed. */
    public record Outcome(List<TableRows> tables, long events, long tookMillis) {}

    /** One table: its rows before the rebuild and after it; an append-only table was not emptied. */
    public record TableRows(String table, long rowsBefore, long rows, boolean appendOnly) {}

    /** Runs a rebuild on the calling thread, which blocks for its whole duration: never a Netty thread. */
    public Outcome run() {
        long started = System.nanoTime();
        Outcome outcome = transactions.execute(status -> rebuild(started));
        log.info("Rebuilt the read tables from {} events in {} ms", outcome.events(), outcome.tookMillis());
        return outcome;
    }

    private Outcome rebuild(long started) {
        // A rebuild's statements (emptying a table, the portal index of every grant) grow with the store: the
        // per-statement bound of commands is lifted for its transaction only.
        jdbc.execute("SET LOCAL statement_timeout = 0");
        jdbc.execute("SELECT custos_begin_projection_rebuild()");
        Map<String, Long> before = new LinkedHashMap<>();
        everyTenant(true);
        // EXCLUSIVE, not ACCESS EXCLUSIVE: reads go on against the old rows; any writer waits for the commit.
        jdbc.execute("LOCK TABLE " + String.join(", ", ProjectionTables.REBUILT) + " IN EXCLUSIVE MODE");
        for (String table : ProjectionTables.APPEND_ONLY) {
            before.put(table, count(table));
        }
        for (String table : ProjectionTables.REBUILT) {
            before.put(table, (long) jdbc.update("DELETE FROM " + table));
        }
        // The projections see one tenant at a time, as they do live.
        everyTenant(false);
        long events = replay();
        everyTenant(true);
        List<Map.Entry<UUID, UUID>> grants = jdbc.query(
                "SELECT tenant_id, id FROM cc_authority_access_grants ORDER BY tenant_id, id",
                (row, index) -> Map.entry(row.getObject(1, UUID.class), row.getObject(2, UUID.class)));
        portalIndex.refreshEveryGrant(grants);
        List<TableRows> tables = ProjectionTables.all().stream()
                .map(table -> new TableRows(
                        table, before.get(table), count(table), ProjectionTables.APPEND_ONLY.contains(table)))
                .toList();
        everyTenant(false);
        return new Outcome(tables, events, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private long replay() {
        EventHandlerInvoker projections = processing
                .eventProcessor(ProcessingGroups.SYNCHRONOUS, SubscribingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + ProcessingGroups.SYNCHRONOUS + " processor"))
                .eventHandlerInvoker();
        long replayed = 0;
        try (Stream<? extends TrackedEventMessage<?>> stored = eventStore.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stored.iterator();
            while (events.hasNext()) {
                project(projections, events.next());
                replayed++;
            }
        }
        return replayed;
    }

    /** One event, in a unit of work of its own as the processor gives it, inside the rebuild's transaction. */
    private static void project(EventHandlerInvoker projections, EventMessage<?> event) {
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(event);
        // The stored portal index is written once for every grant at the end, not after every replayed event.
        PortalIndexRefresh.defer(unit);
        ResultMessage<?> result = unit.executeWithResult(() -> {
            projections.handle(event, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("event " + event.getIdentifier() + " could not be projected", failure);
        }
    }

    /** Lets the next statements see every tenant's rows (V21), or confines them to one tenant again. */
    private void everyTenant(boolean on) {
        jdbc.queryForObject("SELECT set_config('app.rebuild_every_tenant', ?, true)", String.class, on ? "on" : "");
    }

    private long count(String table) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }
}
