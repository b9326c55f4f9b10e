package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V7 on a database that had already diverged under the old circle keys: tenant A's circle, which reused
 * tenant B's circle id, was never stored. After the migration both tenants' circles and memberships are there, as
 * the event store says.
 */
class CircleKeyMigrationIT {

    private static final String EVENT = "dev.custos.events.directory.";

    @Test
    void theMigrationRebuildsTheCircleTablesFromTheEventStore() throws Exception {
        String url = TestDatabase.createDatabase();
        String database = url.replaceFirst(".*/([^/?]+).*", "$1");
        TestDatabase.versionedMigrationsOnly(url).target("6").load().migrate();
        UUID tenantA = UUID.randomUUID();
        UUID tenantB = UUID.randomUUID();
        UUID shared = UUID.randomUUID();
        UUID memberA = UUID.randomUUID();
        UUID memberB = UUID.randomUUID();
        try (Connection db = TestDatabase.superuser(database);
                Statement sql = db.createStatement()) {
            for (UUID tenant : List.of(tenantA, tenantB)) {
                sql.execute(
                        "INSERT INTO cc_tenants (tenant_id, name, created_at) VALUES ('" + tenant + "', 'T', now())");
            }
            // What the old projection kept: B's circle only, and A's membership pointing at it.
            sql.execute("INSERT INTO cc_circles (id, tenant_id, name, created_at) VALUES ('" + shared + "', '" + tenantB
                    + "', 'B', now())");
            sql.execute("INSERT INTO cc_circle_members (tenant_id, circle_id, individual_id, added_at) VALUES ('"
                    + tenantA + "', '" + shared + "', '" + memberA + "', now())");
            event(
                    db,
                    0,
                    tenantB,
                    "CircleCreated",
                    "{\"tenantId\":\"" + tenantB + "\",\"circleId\":\"" + shared
                            + "\",\"name\":\"B\",\"createdByIndividualId\":null,\"createdAt\":\"2026-11-22T10:00:00Z\"}");
            event(
                    db,
                    0,
                    tenantA,
                    "CircleCreated",
                    "{\"tenantId\":\"" + tenantA + "\",\"circleId\":\"" + shared
                            + "\",\"name\":\"A\",\"createdByIndividualId\":null,\"createdAt\":\"2026-11-22T10:00:01Z\"}");
            event(db, 1, tenantA, "CircleMemberAdded", member(tenantA, shared, memberA));
            event(db, 1, tenantB, "CircleMemberAdded", member(tenantB, shared, memberB));
        }

        Flyway.configure()
                .dataSource(url, TestDatabase.OWNER, "owner")
                .locations("classpath:db/migration")
                .load()
                .migrate();

        try (Connection db = TestDatabase.superuser(database);
                Statement sql = db.createStatement()) {
            assertThat(rows(sql, "SELECT tenant_id || ':' || name FROM cc_circles WHERE id = '" + shared + "'"))
                    .containsExactlyInAnyOrder(tenantA + ":A", tenantB + ":B");
            assertThat(rows(
                            sql,
                            "SELECT tenant_id || ':' || individual_id FROM cc_circle_members " + "WHERE circle_id = '"
                                    + shared + "'"))
                    .containsExactlyInAnyOrder(tenantA + ":" + memberA, tenantB + ":" + memberB);
            assertThat(rows(
                            sql,
                            "SELECT relname FROM pg_class WHERE relname IN ('cc_circles', "
                                    + "'cc_circle_members', 'cc_operator_role_assignments') AND relforcerowsecurity"))
                    .hasSize(3);
        }
    }

    private static String member(UUID tenant, UUID circle, UUID individual) {
        return "{\"tenantId\":\"" + tenant + "\",\"circleId\":\"" + circle + "\",\"individualId\":\"" + individual
                + "\",\"addedByIndividualId\":null,\"addedAt\":\"2026-11-22T10:00:02Z\"}";
    }

    private static void event(Connection db, long sequence, UUID aggregate, String type, String payload)
            throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                + "payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                + "VALUES (?, ?, '1', ?, '2026-11-22T10:00:00Z', ?, ?, 'Tenant')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(2, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(3, EVENT + type);
            insert.setString(4, aggregate.toString());
            insert.setLong(5, sequence);
            insert.executeUpdate();
        }
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
