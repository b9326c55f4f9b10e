package dev.custos.query.tenancy;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The JDBC side of tenancy for projections. Projections run inside the event processor's transaction and write
 * under the same row-level security as reads, so each handler first names the tenant of its event.
 */
@Component
public class TenantWrites {

    private final JdbcTemplate jdbc;

    public TenantWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Scopes the rest of the current transaction to the tenant and returns the template to write with. */
    public JdbcTemplate as(UUID tenantId) {
        jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
        return jdbc;
    }
}
