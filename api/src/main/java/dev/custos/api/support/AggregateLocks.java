package dev.custos.api.support;

import dev.custos.events.operator.ActionMetaData;
import dev.custos.query.tenancy.TenantWrites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates' locks, taken in PostgreSQL (a transaction-level advisory lock per aggregate id) and held until
 * the transaction that took them ends, not only until the command that took them ends.
 *
 * <ul>
 *   <li>A unit of work sends several commands in one transaction. Were an aggregate's lock given up after its
 *       command, another worker could load it from the cache with events not yet committed and decide on a state
 *       that a rollback then takes away. Held to the end, the next command on it waits for the commit (and sees
 *       it) or the rollback (and reads the store again, the unit having emptied the cache).</li>
 *   <li>Every lock a unit waits for is then a database lock: the aggregates', the rows its reads lock, the
 *       tenant's hold lock. A cycle among them is a deadlock PostgreSQL detects (the unit is run again), and every
 *       wait is bounded by the session's {@code lock_timeout} (503), where an in-process lock waited for while the
 *       other side waits on a row would deadlock unseen.</li>
 *   <li>Instances share the lock, so two instances never work on one aggregate at once.</li>
 *   <li>Instances do not share their caches. With the lock, the statement reads the last sequence the event store
 *       holds for the aggregate; a cached copy at another version (another instance wrote since) is evicted, so the
 *       command loads the store's state and never fails on an append another instance's write made stale. A stale
 *       copy that slipped through anyway loses its append on the unique key and the unit is run again.</li>
 * </ul>
 * Outside a transaction (there is none in the service; tests may) Axon's in-process lock is used.
 */
public final class AggregateLocks implements LockFactory {

    private static final Lock HELD_UNTIL_THE_TRANSACTION_ENDS = new Lock() {
        @Override
        public void release() {
            // PostgreSQL releases it when the transaction commits or rolls back.
        }

        @Override
        public boolean isHeld() {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }
    };

    /** Locks, then answers the store's last sequence of the aggregate (null: no event yet). */
    private static final String LOCK = "custos_lock_aggregate(?)";

    /**
     * The version a cached entry was stored at. Axon keeps it private (its own repository only checks an expected
     * version the caller gives); {@code AggregateLocksIT} fails if an upgrade moves it.
     */
    private static final VarHandle CACHED_VERSION;

    static {
        try {
            CACHED_VERSION = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JdbcTemplate jdbc;
    private final TenantWrites tenants;
    private final Cache cache;
    private final Counter staleCopies;
    private final LockFactory inProcess = PessimisticLockFactory.usingDefaults();

    public AggregateLocks(JdbcTemplate jdbc, TenantWrites tenants, Cache cache, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.cache = cache;
        this.staleCopies = Counter.builder("custos.aggregates.stale")
                .description("cached aggregates found behind the event store (another instance wrote) and evicted")
                .register(meters);
    }

    /**
     * Takes the lock and evicts a cached copy the store has moved past. An operator action's command names its
     * tenant, which its projections will enter anyway: the lock's statement enters it too, so the lock costs no
     * round trip of its own.
     */
    @Override
    public Lock obtainLock(String aggregateIdentifier) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return inProcess.obtainLock(aggregateIdentifier);
        }
        Object tenant = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData().get(ActionMetaData.TENANT_ID)
                : null;
        Object stored = tenant instanceof String tenantId
                ? tenants.enterAlong(UUID.fromString(tenantId), LOCK, aggregateIdentifier)
                : jdbc.queryForObject("SELECT " + LOCK, Long.class, aggregateIdentifier);
        Long lastSequence = stored == null ? null : ((Number) stored).longValue();
        Object cached = cache.get(aggregateIdentifier);
        if (cached instanceof AggregateCacheEntry<?> entry
                && !Objects.equals(CACHED_VERSION.get(entry), lastSequence)) {
            cache.remove(aggregateIdentifier);
            staleCopies.increment();
        }
        return HELD_UNTIL_THE_TRANSACTION_ENDS;
    }
}
