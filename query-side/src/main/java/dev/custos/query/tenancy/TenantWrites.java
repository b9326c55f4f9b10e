package dev.custos.query.tenancy;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    public TenantWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Scopes the rest of the current transaction to the tenant and returns the template to write with. */
    public JdbcTemplate as(UUID tenantId) {
        Object connection = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            enter(tenantId);
            return jdbc;
        }
        Entered entered = (Entered) TransactionSynchronizationManager.getResource(this);
        if (entered != null
                && entered.connection() == connection
                && entered.tenantId().equals(tenantId)) {
            return jdbc;
        }
        enter(tenantId);
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
        return jdbc;
    }

    private void enter(UUID tenantId) {
        jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
    }
}
