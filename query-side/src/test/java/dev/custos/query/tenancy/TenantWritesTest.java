package dev.custos.query.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.query.QueryDatabase;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction enters a tenant once, however many handlers name it; it enters it again when the tenant changes,
 * in the next transaction, and in an inner transaction on another connection. Each case reads the setting back
 * from PostgreSQL, so a tenant remembered past its transaction or its connection fails here.
 */
class TenantWritesTest {

    private static QueryDatabase db;
    private static CountingTemplate jdbc;
    private static TenantWrites writes;
    private static TransactionTemplate transaction;
    private static TransactionTemplate newTransaction;

    private final UUID acme = UUID.randomUUID();
    private final UUID globex = UUID.randomUUID();

    /** Counts the statements that enter a tenant. */
    private static final class CountingTemplate extends JdbcTemplate {
        final AtomicInteger entered = new AtomicInteger();

        CountingTemplate(javax.sql.DataSource dataSource) {
            super(dataSource);
        }

        final AtomicInteger statements = new AtomicInteger();

        @Override
        public <T> T query(String sql, ResultSetExtractor<T> extractor, Object... args) {
            statements.incrementAndGet();
            if (sql.contains("set_config('app.tenant_id'")) {
                entered.incrementAndGet();
            }
            return super.query(sql, extractor, args);
        }
    }

    @BeforeAll
    static void database() {
        db = QueryDatabase.fresh();
        jdbc = new CountingTemplate(db.app.getDataSource());
        writes = new TenantWrites(jdbc);
        JdbcTransactionManager transactions = new JdbcTransactionManager(db.app.getDataSource());
        transaction = new TransactionTemplate(transactions);
        newTransaction = new TransactionTemplate(transactions);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @BeforeEach
    void count() {
        jdbc.entered.set(0);
        jdbc.statements.set(0);
    }

    @Test
    void whatMustRunFirstRidesOnTheStatementThatEntersTheTenant() {
        transaction.executeWithoutResult(status -> {
            writes.asAlong(acme, "pg_advisory_xact_lock(42) IS NOT NULL");
            assertThat(jdbc.statements).hasValue(1);
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
            writes.asAlong(acme, "pg_advisory_xact_lock(43) IS NOT NULL");
            assertThat(jdbc.statements)
                    .as("entered already: only the lock runs")
                    .hasValue(2);
            assertThat(jdbc.entered).hasValue(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                    + "AND pid = pg_backend_pid() AND objid IN (42, 43)",
                            Long.class))
                    .isEqualTo(2);
        });
    }

    @Test
    void oneTransactionEntersItsTenantOnceAndAgainWhenItChanges() {
        transaction.executeWithoutResult(status -> {
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
            assertThat(jdbc.entered).hasValue(1);
            assertThat(tenantAfter(globex)).isEqualTo(globex.toString());
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
        });
        assertThat(jdbc.entered).hasValue(3);
    }

    @Test
    void theNextTransactionEntersItAgain() {
        transaction.executeWithoutResult(status -> assertThat(tenantAfter(acme)).isEqualTo(acme.toString()));
        transaction.executeWithoutResult(status -> assertThat(tenantAfter(acme)).isEqualTo(acme.toString()));
        assertThat(jdbc.entered).hasValue(2);
    }

    @Test
    void anInnerTransactionOnAnotherConnectionEntersItAgainAndTheOuterKeepsItsOwn() {
        transaction.executeWithoutResult(outer -> {
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
            newTransaction.executeWithoutResult(
                    inner -> assertThat(tenantAfter(acme)).isEqualTo(acme.toString()));
            assertThat(tenantAfter(acme)).isEqualTo(acme.toString());
        });
        assertThat(jdbc.entered).hasValue(3);
    }

    @Test
    void withoutATransactionEveryCallEntersIt() {
        writes.as(acme);
        writes.as(acme);
        assertThat(jdbc.entered).hasValue(2);
    }

    private static String tenantAfter(UUID tenant) {
        return writes.as(tenant).queryForObject("SELECT current_setting('app.tenant_id', true)", String.class);
    }
}
