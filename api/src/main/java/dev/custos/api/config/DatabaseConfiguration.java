package dev.custos.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.custos.api.embedded.EmbeddedServers;
import dev.custos.api.embedded.RunningPostgres;
import dev.custos.api.support.CommandProperties;
import dev.custos.query.portal.PortalDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.core.Utils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Four connections to one database, each with the least it needs:
 * Flyway as the owner (DDL only), JDBC as {@code custos_app} for Axon and the projections, R2DBC as
 * {@code custos_reader} for reads, and R2DBC as {@code custos_portal} for the public portal. The JDBC {@link DataSource} is declared here because Boot stops creating one
 * once R2DBC is present, and without it Axon would quietly lose its JDBC event and token stores.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** The longest a request waits for a pooled connection before it is answered 503. */
    static final Duration ACQUIRE = Duration.ofSeconds(1);

    /** The longest an attempt to open a connection may take. */
    static final Duration CONNECT = Duration.ofSeconds(1);

    /** The longest a pool spends checking that a connection it is about to hand out still works. */
    static final Duration VALIDATION = Duration.ofMillis(500);

    /** The longest one statement of a command or projection may run (a rebuild lifts it for itself). */
    static final Duration APP_STATEMENTS = Duration.ofSeconds(30);

    /** The longest one statement of a read may run, the auditor's whole stream included. */
    static final Duration READ_STATEMENTS = Duration.ofSeconds(60);

    /** How long a JDBC socket may stay silent before the connection is taken for lost. */
    static final Duration SILENT_SOCKET = Duration.ofSeconds(90);

    /**
     * App connections used outside the command workers: the audit chain's thread, the snapshotter's, and an
     * administrator's work (a projection rebuild, the unreadable events) with room for one more.
     */
    static final int BESIDE_THE_WORKERS = 4;

    /** The embedded default's PostgreSQL when no external one is configured (EmbeddedDefaultCheck vouches for it). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(
            DatabaseProperties properties,
            ObjectProvider<EmbeddedServers> embeddedServers,
            @Value("${custos.data-dir:./data}") String dataDir) {
        return properties.external()
                ? new EmbeddedPostgresHolder(null)
                : new EmbeddedPostgresHolder(embeddedServers.getObject().startPostgres(Path.of(dataDir)));
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
        if (properties.external()) {
            return new DatabaseEndpoint(
                    properties.url(), properties.user(), properties.password(), properties.runtimePassword());
        }
        RunningPostgres server = embedded.server();
        return new DatabaseEndpoint(server.jdbcUrl(), server.ownerUser(), null, properties.runtimePassword());
    }

    /** Migrates as the owner before anything else touches the database. */
    @Bean
    MigratedSchema migratedSchema(DatabaseEndpoint endpoint) throws SQLException {
        DataSource owner =
                new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.ownerUser(), endpoint.ownerPassword());
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (endpoint.runtimePassword() != null && !endpoint.runtimePassword().isBlank()) {
            try (Connection connection = owner.getConnection();
                    Statement statement = connection.createStatement()) {
                String literal = Utils.escapeLiteral(null, endpoint.runtimePassword(), true)
                        .toString();
                // Instances starting together would otherwise alter the same roles at once, and PostgreSQL refuses
                // the second ("tuple concurrently updated"): one at a time, each in one transaction.
                connection.setAutoCommit(false);
                statement.execute("SELECT pg_advisory_xact_lock(hashtextextended('custos:runtime-passwords', 0))");
                statement.execute("ALTER ROLE " + DatabaseEndpoint.APP_ROLE + " PASSWORD '" + literal + "'");
                statement.execute("ALTER ROLE " + DatabaseEndpoint.READER_ROLE + " PASSWORD '" + literal + "'");
                statement.execute("ALTER ROLE " + DatabaseEndpoint.PORTAL_ROLE + " PASSWORD '" + literal + "'");
                connection.commit();
            }
        }
        return new MigratedSchema();
    }

    /**
     * The app pool: one connection per command worker, and {@link #BESIDE_THE_WORKERS} more. A worker holds its
     * connection for the whole unit of work, a lock wait included, so a pool smaller than the workers would make a
     * burst on one object wait for connections behind its own lock waiters, past {@link #ACQUIRE}, and answer 503
     * "database unavailable" with the database well ({@code LockBoundIT}).
     */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(
            DatabaseEndpoint endpoint,
            DatabaseProperties properties,
            CommandProperties commands,
            MigratedSchema schema) {
        return new HikariDataSource(
                appPool(endpoint, properties, "custos-app", commands.effectiveWorkers() + BESIDE_THE_WORKERS));
    }

    /**
     * The portal rate limiter's own small pool, whose sessions commit without waiting for the WAL flush
     * ({@code synchronous_commit = off}). Row locks still make the count exact across instances; a crash can lose
     * the last few hundred milliseconds of decrements, which only hands a client a few extra requests.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource rateLimitDataSource(
            DatabaseEndpoint endpoint, DatabaseProperties properties, MigratedSchema schema) {
        HikariConfig config = appPool(endpoint, properties, "custos-rate-limit", 4);
        config.setConnectionInitSql("SET synchronous_commit = off");
        return new HikariDataSource(config);
    }

    /**
     * Readiness's own connection: a probe must not wait behind the commands for a pooled connection, or a busy
     * instance would report itself unready and shed its load onto the others.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource healthDataSource(DatabaseEndpoint endpoint, DatabaseProperties properties, MigratedSchema schema) {
        HikariConfig config = appPool(endpoint, properties, "custos-health", 1);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /**
     * A JDBC pool that logs in as {@code custos_app}. Its sessions wait for a lock no longer than the configured
     * bound, set as a startup option of the connection (no statement, no round trip): Axon's own timeouts are off,
     * because they interrupt a command's thread, so this is what keeps a command from waiting unbounded.
     *
     * <p>Every wait on the database is bounded, so an outage is answered 503 at once, never by a hanging request: a
     * connection is handed out within {@link #ACQUIRE} or the request is answered 503; opening one gives up after {@link #CONNECT}; a statement
     * runs at most {@link #APP_STATEMENTS}; a socket that says nothing for {@link #SILENT_SOCKET} (a database
     * gone without closing the connection) is cut. A connection broken by an outage is found dead when next used and
     * replaced: Hikari checks a connection it has not used for a moment before it hands it out.
     */
    private static HikariConfig appPool(
            DatabaseEndpoint endpoint, DatabaseProperties properties, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.addDataSourceProperty(
                "options",
                "-c lock_timeout=" + properties.effectiveLockTimeout().toMillis() + " -c statement_timeout="
                        + APP_STATEMENTS.toMillis());
        config.addDataSourceProperty("connectTimeout", (int) CONNECT.toSeconds());
        config.addDataSourceProperty("socketTimeout", (int) SILENT_SOCKET.toSeconds());
        config.setConnectionTimeout(ACQUIRE.toMillis());
        config.setValidationTimeout(VALIDATION.toMillis());
        config.setPoolName(name);
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(DatabaseEndpoint.APP_ROLE);
        config.setPassword(endpoint.runtimePassword());
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        return config;
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean(destroyMethod = "dispose")
    @Primary
    ReplacingDeadConnections connectionFactory(DatabaseEndpoint endpoint, MigratedSchema schema) {
        return pool(endpoint, DatabaseEndpoint.READER_ROLE, 20);
    }

    /** The public portal's own pool, as a role that can only EXECUTE the portal's definer functions. */
    @Bean(destroyMethod = "dispose")
    ReplacingDeadConnections portalConnectionFactory(DatabaseEndpoint endpoint, MigratedSchema schema) {
        return pool(endpoint, DatabaseEndpoint.PORTAL_ROLE, 10);
    }

    @Bean
    PortalDatabase portalDatabase(
            @Qualifier("portalConnectionFactory") ReplacingDeadConnections portalConnectionFactory) {
        return new PortalDatabase(DatabaseClient.create(portalConnectionFactory));
    }

    /**
     * An R2DBC pool, bounded like the JDBC ones ({@link #appPool}); a connection the database closed is replaced
     * when it is next acquired ({@link ReplacingDeadConnections}).
     */
    private static ReplacingDeadConnections pool(DatabaseEndpoint endpoint, String role, int maxSize) {
        var connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(endpoint.host())
                .port(endpoint.port())
                .database(endpoint.database())
                .username(role)
                .password(endpoint.runtimePassword())
                .connectTimeout(CONNECT)
                .statementTimeout(READ_STATEMENTS)
                .build());
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .name(role)
                .initialSize(1)
                .maxSize(maxSize)
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(ACQUIRE)
                .maxCreateConnectionTime(CONNECT)
                .maxValidationTime(VALIDATION)
                // Retrying is ReplacingDeadConnections' part: the pool's own retry would retry a wait for a busy
                // pool too, each time for the whole acquisition bound.
                .acquireRetry(0)
                .build());
        return new ReplacingDeadConnections(pool, maxSize);
    }

    @Bean
    ReactiveTransactionManager reactiveTransactionManager(
            @Qualifier("connectionFactory") ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager reactiveTransactionManager) {
        return TransactionalOperator.create(reactiveTransactionManager);
    }

    @Bean
    DatabaseClient databaseClient(@Qualifier("connectionFactory") ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    /** Marks that migrations have run; connection pools depend on it so they never see an old schema. */
    static final class MigratedSchema {}

    /** Keeps the embedded server, if any, alive for the context's lifetime and stops it last. */
    record EmbeddedPostgresHolder(RunningPostgres server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
