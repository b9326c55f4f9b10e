package dev.custos.api.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether this instance can serve requests that need the database: part of the readiness group (application.yml),
 * so a load balancer stops sending traffic while the database is unreachable, or while a projection rebuild holds
 * its gate (every append waits for it then), and sends it again as soon as both are over. Liveness does not include
 * it: restarting an instance cures neither.
 *
 * <p>The check uses a pool of one connection of its own, waits for it at most the pools' bound (one second), and asks
 * one question: can an append pass the rebuild's gate now? It takes the gate's lock shared and lets it go at once,
 * as an append would.
 */
@Component("database")
class DatabaseReadiness implements HealthIndicator {

    private static final String GATE_OPEN = "SELECT pg_try_advisory_xact_lock_shared(custos_projection_rebuild_key())";

    private final JdbcTemplate jdbc;

    DatabaseReadiness(@Qualifier("healthDataSource") DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Health health() {
        try {
            boolean open = Boolean.TRUE.equals(jdbc.queryForObject(GATE_OPEN, Boolean.class));
            return open
                    ? Health.up().build()
                    : Health.down().withDetail("reason", "projection rebuild").build();
        } catch (RuntimeException unreachable) {
            return Health.down().withDetail("reason", "database unreachable").build();
        }
    }
}
