package dev.custos.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL from Maven Central, durable (fsync and synchronous commit on, which the
 * library turns off by default), with its data under {@code <data dir>/postgres} so a restart keeps everything.
 * It creates a {@code custos_owner} role that owns the {@code custos} database, so that migrations run as an
 * ordinary owner and never as the superuser.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    /** The role that owns the service's database; it has no password, the server trusts local connections. */
    public static final String OWNER = "custos_owner";

    static final String DATABASE = "custos";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * A server on {@code pgData} with the embedded default's settings, kept across starts: durable, on the loopback
     * only, and with room for a local fleet (each instance's pools hold up to 55 connections).
     */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder durable(Path pgData) {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
    }

    public static EmbeddedPostgres start(Path dataDirectory) {
        try {
            Path pgData = dataDirectory.resolve("postgres").toAbsolutePath();
            Files.createDirectories(pgData);
            var server = durable(pgData).start();
            EmbeddedPostgres embedded = new EmbeddedPostgres(server);
            embedded.bootstrap();
            log.info("Embedded PostgreSQL is running on 127.0.0.1:{} with its data in {}", server.getPort(), pgData);
            return embedded;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL could not start", e);
        }
    }

    /** Creates the owner role and the database once; later starts find them and change nothing. */
    private void bootstrap() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') "
                    + "THEN CREATE ROLE " + OWNER + " LOGIN CREATEROLE NOSUPERUSER; END IF; END $$");
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
            }
        }
    }

    /** The service's database, owned by {@link #OWNER}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** A database of the cluster; as user {@code postgres} it is a superuser connection, for tests. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
