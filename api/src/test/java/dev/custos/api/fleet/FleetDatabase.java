package dev.custos.api.fleet;

import dev.custos.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's own PostgreSQL, from the same zonky binaries as the embedded default, on a fixed port and data
 * directory so that it can be stopped the hard way and started again where it was: durable (fsync and synchronous
 * commit on), with an owner role and database made the way the embedded default makes them.
 */
final class FleetDatabase implements AutoCloseable {

    static final String OWNER = "custos_fleet_owner";
    static final String OWNER_PASSWORD = "owner";
    static final String DATABASE = "custos";
    /** The roles the service logs in as; their backends are what a connection cut ends. */
    static final List<String> RUNTIME_ROLES = List.of("custos_app", "custos_reader", "custos_portal");

    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private FleetDatabase(Path dataDirectory, Path log, int port) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.port = port;
    }

    /** A fresh cluster in {@code directory}, running, with the owner role and database. */
    static FleetDatabase start(Path directory, int port) {
        FleetDatabase database = new FleetDatabase(directory.resolve("pg"), directory.resolve("postgres.log"), port);
        database.startServer();
        try {
            database.bootstrap();
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException("could not create the fleet's owner role and database", e);
        }
        return database;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    int port() {
        return port;
    }

    /** Starts the server again on the same port and data directory, after {@link #stopImmediately()}. */
    synchronized void startServer() {
        try {
            Files.createDirectories(dataDirectory);
            server = EmbeddedPostgres.durable(dataDirectory)
                    .setPort(port)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("the fleet's PostgreSQL could not start on port " + port, e);
        }
    }

    /**
     * What {@code pg_ctl -m immediate} does: SIGQUIT to the postmaster, which ends every backend at once without a
     * checkpoint, so the next start runs crash recovery. Returns once the port refuses connections.
     */
    synchronized void stopImmediately() {
        long postmaster = postmasterPid();
        signal(postmaster, "QUIT");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (portAccepts()
                || ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL still runs 30 s after SIGQUIT to " + postmaster);
            }
            pause(Duration.ofMillis(50));
        }
        releaseServer();
    }

    /** Ends every backend of the service's runtime roles, as an administrator would; answers how many. */
    long terminateConnections() {
        return count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename IN ("
                + String.join(
                        ",",
                        RUNTIME_ROLES.stream().map(role -> "'" + role + "'").toList()) + ")");
    }

    /** A superuser connection to the service's database: past row-level security and the runtime grants. */
    Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", null);
    }

    /** One number from a query run as superuser. */
    long count(String sql) {
        try (Connection connection = superuser();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("superuser query failed: " + sql, e);
        }
    }

    boolean portAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // pg_ctl stop failed: end the postmaster directly rather than leave it running.
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                signal(postmasterPid(), "QUIT");
            }
        } finally {
            server = null;
        }
    }

    private void bootstrap() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE ROLE " + OWNER + " LOGIN CREATEROLE NOSUPERUSER PASSWORD '" + OWNER_PASSWORD + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
    }

    /** Lets go of the stopped server object (its lock on the data directory) without running pg_ctl on it. */
    private void releaseServer() {
        try {
            server.close();
        } catch (IOException | RuntimeException alreadyStopped) {
            // pg_ctl stop finds no server, which is the point; the lock is released all the same.
        }
        server = null;
    }

    private long postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return Long.parseLong(lines.get(0).strip());
        } catch (IOException e) {
            throw new IllegalStateException("no postmaster.pid in " + dataDirectory, e);
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
