package dev.custos.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.query.QueryDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectionTables} is the one list of what a rebuild touches: it names every {@code cc_} table, and V21
 * gives the runtime role exactly what the rebuild needs on each (nothing more), and only while a rebuild says so.
 */
class ProjectionTablesTest {

    private static QueryDatabase db;

    @BeforeAll
    static void migrate() {
        db = QueryDatabase.fresh();
    }

    private static List<String> tables(String sql) {
        return db.app.queryForList(sql, String.class).stream().sorted().toList();
    }

    private static List<String> sorted(List<String> tables) {
        return tables.stream().sorted().toList();
    }

    @Test
    void everyReadTableIsEitherRebuiltOrAppendOnly() {
        assertThat(sorted(ProjectionTables.all()))
                .doesNotHaveDuplicates()
                .isEqualTo(tables("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'cc\\_%'"));
    }

    @Test
    void theAppendOnlyTablesAreTheOnesWhoseTriggersRefuseATruncate() {
        assertThat(sorted(ProjectionTables.APPEND_ONLY))
                .isEqualTo(
                        tables(
                                "SELECT c.relname FROM pg_trigger t "
                                        + "JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname LIKE 'cc\\_%' AND t.tgname LIKE '%truncate'"));
    }

    @Test
    void theRuntimeRoleMayDeleteFromTheRebuiltTablesOnly() {
        assertThat(tables("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'cc\\_%' "
                        + "AND has_table_privilege('custos_app', oid, 'DELETE')"))
                .isEqualTo(sorted(ProjectionTables.REBUILT));
        assertThat(tables("SELECT c.relname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                        + "WHERE p.polname = 'app_rebuild_delete'"))
                .isEqualTo(sorted(ProjectionTables.REBUILT));
        assertThat(tables("SELECT c.relname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                        + "WHERE p.polname = 'app_rebuild_count'"))
                .isEqualTo(sorted(ProjectionTables.all()));
    }

    @Test
    void aDeleteReachesEveryTenantOnlyWhileTheRebuildSaysSo() {
        UUID first = tenant();
        UUID second = tenant();
        String both = "SELECT count(*) FROM cc_tenants WHERE tenant_id IN ('" + first + "', '" + second + "')";

        db.inTransaction(() -> db.writes.as(first).update("DELETE FROM cc_tenants"));
        assertThat(db.count(both)).isOne();

        tenant();
        db.inTransaction(() -> {
            db.app.queryForObject("SELECT set_config('app.rebuild_every_tenant', 'on', true)", String.class);
            db.app.update("DELETE FROM cc_tenants");
        });
        assertThat(db.count("SELECT count(*) FROM cc_tenants")).isZero();
    }

    @Test
    void theAppendOnlyRecordsCannotBeEmptiedEvenByARebuild() {
        for (String table : ProjectionTables.APPEND_ONLY) {
            assertThatThrownBy(() -> db.inTransaction(() -> {
                        db.app.queryForObject(
                                "SELECT set_config('app.rebuild_every_tenant', 'on', true)", String.class);
                        db.app.update("DELETE FROM " + table);
                    }))
                    .as(table)
                    .hasStackTraceContaining("permission denied for table " + table);
        }
    }

    private static UUID tenant() {
        UUID tenant = UUID.randomUUID();
        db.inTransaction(() -> db.writes
                .as(tenant)
                .update(
                        "INSERT INTO cc_tenants (tenant_id, name, created_at) " + "VALUES (?, 'T', ?)",
                        tenant,
                        OffsetDateTime.now(ZoneOffset.UTC)));
        return tenant;
    }
}
