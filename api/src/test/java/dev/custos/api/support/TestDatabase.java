package dev.custos.api.support;

import dev.custos.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against: a Testcontainers PostgreSQL when a Docker engine answers,
 * otherwise the same embedded PostgreSQL the service uses by default. Either way it is a real server, started once
 * per JVM; each Spring context gets a fresh database owned by a non-superuser owner role.
 */
public final class TestDatabase {

    public static final String OWNER = "custos_test_owner";

    private static String superuserUrl;
    private static String superuser;
    private static String superuserPassword;

    private TestDatabase() {}

    /** A new, empty database and the JDBC URL of it, for one application context. */
    public static synchronized String createDatabase() {
        start();
        String name = "custos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = superuser("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + OWNER + "') "
                    + "THEN CREATE ROLE " + OWNER + " LOGIN CREATEROLE NOSUPERUSER PASSWORD 'owner'; END IF; END $$");
            statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
        return urlOf(name);
    }

    /**
     * Flyway over the project's migrations as the owner, with the versioned migrations only: for a test that needs a
     * schema as an older version left it. Repeatable migrations run after every migrate, a target too, and they
     * define the functions as they are now, which an older schema may not be ready for.
     */
    public static FluentConfiguration versionedMigrationsOnly(String url) {
        return Flyway.configure()
                .dataSource(url, OWNER, "owner")
                .locations("classpath:db/migration")
                .repeatableSqlMigrationPrefix("none-");
    }

    /** A new empty folder, removed when the JVM exits. */
    public static String freshDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            directory.toFile().deleteOnExit();
            return directory.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A superuser connection: for the tests that check what even the owner or an administrator cannot do. */
    public static Connection superuser(String database) throws SQLException {
        start();
        return DriverManager.getConnection(urlOf(database), superuser, superuserPassword);
    }

    /** One number from a query run as superuser, past row-level security: what is really stored. */
    public static long count(String database, String sql) {
        try (Connection db = superuser(database);
                java.sql.Statement statement = db.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String urlOf(String database) {
        return superuserUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
    }

    private static void start() {
        if (superuserUrl != null) {
            return;
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            superuserUrl = container.getJdbcUrl();
            superuser = container.getUsername();
            superuserPassword = container.getPassword();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        } else {
            try {
                Path dataDir = Files.createTempDirectory("custos-test-pg");
                EmbeddedPostgres embedded = EmbeddedPostgres.start(dataDir);
                superuserUrl = embedded.jdbcUrl("postgres");
                superuser = "postgres";
                superuserPassword = null;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (Exception e) {
                        // the JVM is exiting; nothing left to clean up for
                    }
                }));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL", e);
            }
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
