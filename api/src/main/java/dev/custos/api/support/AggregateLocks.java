package dev.custos.api.support;

import dev.custos.events.operator.ActionMetaData;
import dev.custos.query.tenancy.TenantWrites;
import java.util.UUID;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
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

    private static final String LOCK = "pg_advisory_xact_lock(hashtextextended(?, 0)) IS NOT NULL";

    private final JdbcTemplate jdbc;
    private final TenantWrites tenants;
    private final LockFactory inProcess = PessimisticLockFactory.usingDefaults();

    public AggregateLocks(JdbcTemplate jdbc, TenantWrites tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /**
     * Takes the lock. An operator action's command names its tenant, which its projections will enter anyway: the
     * lock's statement enters it too, so the lock costs no round trip of its own.
     */
    @Override
    public Lock obtainLock(String aggregateIdentifier) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return inProcess.obtainLock(aggregateIdentifier);
        }
        String key = "aggregate:" + aggregateIdentifier;
        Object tenant = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getMessage().getMetaData().get(ActionMetaData.TENANT_ID)
                : null;
        if (tenant instanceof String tenantId) {
            tenants.asAlong(UUID.fromString(tenantId), LOCK, key);
        } else {
            jdbc.queryForObject("SELECT " + LOCK, Boolean.class, key);
        }
        return HELD_UNTIL_THE_TRANSACTION_ENDS;
    }
}
