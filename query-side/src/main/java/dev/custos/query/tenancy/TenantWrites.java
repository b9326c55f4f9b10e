package dev.custos.query.tenancy;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JDBC side of tenancy for projections. Projections run inside the event processor's transaction and write
 * under the same row-level security as reads, so each handler first names the tenant of its event.
 *
 * <p>A command's transaction usually runs several handlers of one tenant (its aggregate's row, the audit row, a
 * usage row; a batch of portal accesses to one link), so the tenant is entered once per transaction and
 * connection, not once per handler: each {@code set_config} is a round trip. The setting is transaction-local, so
 * what was entered is forgotten when the transaction completes, and a transaction on another connection (a
 * suspended one's inner, new transaction) enters it again.
 */
@Component
public class TenantWrites {

    /** The tenant entered on one transaction's connection. */
    private record Entered(Object connection, UUID tenantId) {}

    private static final String ENTER = "SELECT set_config('app.tenant_id', ?, true)";

    private final JdbcTemplate jdbc;

    public TenantWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Scopes the rest of the current transaction to the tenant and returns the template to write with. */
    public JdbcTemplate as(UUID tenantId) {
        return asAlong(tenantId, null);
    }

    /**
     * {@link #as}, with {@code alsoSelect} (an SQL expression its caller must run first in the transaction anyway,
     * a lock say) evaluated by the same statement that enters the tenant: one round trip for both. When the tenant
     * is already entered, only {@code alsoSelect} runs.
     */
    public JdbcTemplate asAlong(UUID tenantId, String alsoSelect, Object... alsoArguments) {
        enterAlong(tenantId, alsoSelect, alsoArguments);
        return jdbc;
    }

    /**
     * {@link #asAlong}, answering the value {@code alsoSelect} gave (its statement's last column), which may be
     * null.
     */
    public Object enterAlong(UUID tenantId, String alsoSelect, Object... alsoArguments) {
        Object connection = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        boolean tracked = connection != null && TransactionSynchronizationManager.isSynchronizationActive();
        Entered entered = tracked ? (Entered) TransactionSynchronizationManager.getResource(this) : null;
        if (entered != null
                && entered.connection() == connection
                && entered.tenantId().equals(tenantId)) {
            return alsoSelect == null ? null : run("SELECT " + alsoSelect, alsoArguments);
        }
        Object selected = null;
        if (alsoSelect == null) {
            run(ENTER, tenantId.toString());
        } else {
            Object[] arguments = new Object[alsoArguments.length + 1];
            arguments[0] = tenantId.toString();
            System.arraycopy(alsoArguments, 0, arguments, 1, alsoArguments.length);
            selected = run(ENTER + ", " + alsoSelect, arguments);
        }
        if (!tracked) {
            return selected;
        }
        if (entered == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TenantWrites.this);
                }
            });
        } else {
            TransactionSynchronizationManager.unbindResource(this);
        }
        TransactionSynchronizationManager.bindResource(this, new Entered(connection, tenantId));
        return selected;
    }

    /** Runs one statement and answers its last column (null when it has no row). */
    private Object run(String select, Object... arguments) {
        return jdbc.query(
                select,
                (ResultSetExtractor<Object>)
                        rows -> rows.next() ? rows.getObject(rows.getMetaData().getColumnCount()) : null,
                arguments);
    }
}
