package dev.custos.query;

import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantWrites;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real PostgreSQL for the query side's own tests: the real migrations, run as an ordinary owner, and the real
 * roles, so projections write as {@code custos_app} and readers read as {@code custos_reader}, both under
 * row-level security. One server per test JVM, one fresh database per test class.
 */
public final class QueryDatabase {

    private static final String PASSWORD = "query-side-test";
    private static EmbeddedPostgres server;
    private static int databases;

    public final JdbcTemplate app;
    public final TenantWrites writes;
    public final TenantReads reads;
    /** Connections as {@code custos_reader}, with no tenant entered: what the read path's pool hands out. */
    public final PostgresqlConnectionFactory readerConnections;

    public final DatabaseClient reader;
    private final TransactionTemplate transactions;
    private final JdbcTemplate superuser;

    private QueryDatabase(String database) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
        SimpleDriverDataSource appSource =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, "custos_app", PASSWORD);
        this.app = new JdbcTemplate(appSource);
        this.writes = new TenantWrites(app);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(appSource));
        this.superuser = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        this.readerConnections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host("127.0.0.1")
                .port(server.getPort())
                .database(database)
                .username("custos_reader")
                .password(PASSWORD)
                .build());
        this.reader = DatabaseClient.create(readerConnections);
        this.reads =
                new TenantReads(reader, TransactionalOperator.create(new R2dbcTransactionManager(readerConnections)));
    }

    /** A freshly migrated database. */
    public static synchronized QueryDatabase fresh() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // The JVM is leaving; the temporary cluster goes with it.
                    }
                }));
            }
            String database = "custos_query_" + (++databases);
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custos_owner') "
                        + "THEN CREATE ROLE custos_owner LOGIN CREATEROLE NOSUPERUSER; END IF; END $$");
                statement.execute("CREATE DATABASE " + database + " OWNER custos_owner");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
            Flyway.configure()
                    .dataSource(url, "custos_owner", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("ALTER ROLE custos_app PASSWORD '" + PASSWORD + "'");
                statement.execute("ALTER ROLE custos_reader PASSWORD '" + PASSWORD + "'");
            }
            return new QueryDatabase(database);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the test database could not start", e);
        }
    }

    /** Runs projection handlers in one transaction, as the synchronous processor does with a command's events. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** Counts rows past row-level security, as the cluster's administrator. */
    public long count(String sql, Object... arguments) {
        return superuser.queryForObject(sql, Long.class, arguments);
    }

    /** Counts rows as {@code custos_app} scoped to {@code tenant}: what row-level security lets the write path see. */
    public long countAsApp(UUID tenant, String sql, Object... arguments) {
        return transactions.execute(status -> writes.as(tenant).queryForObject(sql, Long.class, arguments));
    }

    /** Every row of a table, in a stable order, as text: what a rebuild must reproduce. */
    public String snapshot(String table, String orderBy) {
        StringBuilder rows = new StringBuilder();
        superuser.query("SELECT t::text FROM " + table + " t ORDER BY " + orderBy, (RowCallbackHandler)
                row -> rows.append(row.getString(1)).append('\n'));
        return rows.toString();
    }
}
