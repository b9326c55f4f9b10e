package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.config.DatabaseEndpoint;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Row-level security, checked as the service's own runtime roles against real rows of two tenants. */
class RowLevelSecurityIT extends IntegrationTest {

    private static final String RUNTIME_PASSWORD = "runtime-password";

    private UUID operatorA;
    private UUID tenantA;
    private UUID tenantB;

    @BeforeEach
    void twoTenants() {
        operatorA = UUID.randomUUID();
        UUID operatorB = UUID.randomUUID();
        tenantA = createTenant(operatorA);
        tenantB = createTenant(operatorB);
        UUID memberB = UUID.randomUUID();
        as(operatorB, tenantB).addMember(memberB);
        as(operatorB, tenantB).circleWith(memberB);
    }

    private Connection reader() throws SQLException {
        return TestDatabase.connect(databaseUrl(), DatabaseEndpoint.READER_ROLE, RUNTIME_PASSWORD);
    }

    private static List<String> ccTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection
                .createStatement()
                .executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'cc\\_%' "
                        + "AND relnamespace = 'public'::regnamespace ORDER BY relname")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void tenantANeverSeesTenantB() throws SQLException {
        try (Connection connection = reader();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', '" + tenantA + "', true)");
            for (String table : ccTables(connection)) {
                assertThat(count(statement, "SELECT count(*) FROM " + table + " WHERE tenant_id <> '" + tenantA + "'"))
                        .as(table)
                        .isZero();
            }
            assertThat(count(statement, "SELECT count(*) FROM cc_tenant_members"))
                    .isEqualTo(1);
            assertThat(count(statement, "SELECT count(*) FROM cc_tenant_members WHERE tenant_id = '" + tenantB + "'"))
                    .isZero();
            connection.rollback();
        }
    }

    @Test
    void noTenantOrAnEmptyTenantSeesNothing() throws SQLException {
        try (Connection connection = reader();
                Statement statement = connection.createStatement()) {
            for (String table : ccTables(connection)) {
                assertThat(count(statement, "SELECT count(*) FROM " + table))
                        .as("unset: " + table)
                        .isZero();
            }
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', '', true)");
            for (String table : ccTables(connection)) {
                assertThat(count(statement, "SELECT count(*) FROM " + table))
                        .as("empty: " + table)
                        .isZero();
            }
            connection.rollback();
        }
    }

    @Test
    void theTenantDoesNotSurviveIntoTheNextTransactionOnTheSamePooledConnection() {
        var factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(new DatabaseEndpoint(databaseUrl(), null, null, null).host())
                .port(new DatabaseEndpoint(databaseUrl(), null, null, null).port())
                .database(new DatabaseEndpoint(databaseUrl(), null, null, null).database())
                .username(DatabaseEndpoint.READER_ROLE)
                .password(RUNTIME_PASSWORD)
                .build());
        ConnectionPool onlyOneConnection = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(1)
                .maxSize(1)
                .build());
        try {
            DatabaseClient database = DatabaseClient.create(onlyOneConnection);
            TenantReads reads = new TenantReads(
                    database, TransactionalOperator.create(new R2dbcTransactionManager(onlyOneConnection)));

            Long inside = reads.one(
                            new TenantScope(tenantA, operatorA),
                            db -> db.sql("SELECT count(*) AS n FROM cc_tenant_members")
                                    .map(row -> row.get("n", Long.class))
                                    .one())
                    .block();
            assertThat(inside).isEqualTo(1);

            String leftover = database.sql("SELECT coalesce(current_setting('app.tenant_id', true), '') AS t")
                    .map(row -> row.get("t", String.class))
                    .one()
                    .block();
            Long after = database.sql("SELECT count(*) AS n FROM cc_tenant_members")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
            assertThat(leftover).isEmpty();
            assertThat(after).isZero();
        } finally {
            onlyOneConnection.dispose();
        }
    }

    @Test
    void everyCcTableHasRowLevelSecurityEnabledAndForced() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
                                + "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies "
                                + "FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'cc\\_%' "
                                + "AND c.relnamespace = 'public'::regnamespace")) {
            int tables = 0;
            while (rows.next()) {
                tables++;
                String table = rows.getString(1);
                assertThat(rows.getBoolean(2)).as(table + " enabled").isTrue();
                assertThat(rows.getBoolean(3)).as(table + " forced").isTrue();
                assertThat(rows.getLong(4)).as(table + " policies").isPositive();
            }
            assertThat(tables).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void theRuntimeRolesOwnNothingAndCannotBypassSecurity() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT r.rolname, r.rolsuper, r.rolbypassrls, "
                                + "(SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned "
                                + "FROM pg_roles r WHERE r.rolname IN ('custos_app', 'custos_reader')")) {
            int roles = 0;
            while (rows.next()) {
                roles++;
                assertThat(rows.getBoolean(2))
                        .as(rows.getString(1) + " superuser")
                        .isFalse();
                assertThat(rows.getBoolean(3))
                        .as(rows.getString(1) + " bypassrls")
                        .isFalse();
                assertThat(rows.getLong(4)).as(rows.getString(1) + " owns").isZero();
            }
            assertThat(roles).isEqualTo(2);
        }
    }

    @Test
    void theReaderCannotWriteAndTheWriterCannotWriteForAnotherTenant() throws SQLException {
        try (Connection connection = reader();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', '" + tenantA + "', true)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO cc_tenant_members (tenant_id, individual_id, "
                            + "added_at) VALUES ('" + tenantA + "', gen_random_uuid(), now())"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = TestDatabase.connect(databaseUrl(), DatabaseEndpoint.APP_ROLE, RUNTIME_PASSWORD);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', '" + tenantA + "', true)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO cc_tenant_members (tenant_id, individual_id, "
                            + "added_at) VALUES ('" + tenantB + "', gen_random_uuid(), now())"))
                    .hasMessageContaining("row-level security");
        }
    }
}
