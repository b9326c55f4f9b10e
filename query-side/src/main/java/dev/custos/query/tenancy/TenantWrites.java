package dev.custos.query.tenancy;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC side of tenancy for projections. Projections run inside the event processor's transaction and write
 * under the same row-level security as reads, so each handler first names the tenant of its event.
 */
@Component
public class TenantWrites {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;

    public TenantWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Writes under a savepoint, for streaming projections: when the write fails, PostgreSQL would otherwise refuse
     * every later statement of the processor's transaction, including the one that dead-letters the event.
     */
    public void isolated(UUID tenantId, Consumer<JdbcTemplate> write) {
        savepoint.executeWithoutResult(status -> write.accept(as(tenantId)));
    }

    /** Scopes the rest of the current transaction to the tenant and returns the template to write with. */
    public JdbcTemplate as(UUID tenantId) {
        jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
        return jdbc;
    }
}
