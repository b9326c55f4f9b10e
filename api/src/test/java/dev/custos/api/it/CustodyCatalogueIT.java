package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.CustodyObjects;
import dev.custos.api.support.CustodyObjects.Made;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TableChecks;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import dev.custos.query.access.ObjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The database agrees with the custody catalogue ({@link CustodyType}), read from the live schema: the CHECK on each
 * type column accepts exactly the types of its use, no other CHECK names a custody type, the portal's functions and
 * {@code custos_held} branch on catalogue types only (the portal on every scopable one), and every type is stored
 * in its read table, located by {@code custos_object_circle} in its circle column, held by {@code custos_held} once
 * a hold targets it, and accepted as a hold target, a grant scope and dispute material exactly when the catalogue
 * says so. A type added to the enum without its SQL, or to the SQL without the enum, fails here.
 */
class CustodyCatalogueIT extends IntegrationTest {

    /** The columns that store a custody type, one per use, each constrained by a CHECK. */
    private static final Map<Use, String[]> TYPE_COLUMNS = Map.of(
            Use.HOLD, new String[] {"cc_legal_hold_targets", "target_type"},
            Use.SCOPE, new String[] {"cc_authority_access_scopes", "scope_type"},
            Use.MATERIAL, new String[] {"cc_dispute_materials", "material_type"});

    @ParameterizedTest
    @EnumSource(Use.class)
    void eachTypeColumnAcceptsExactlyTheTypesOfItsUse(Use use) throws SQLException {
        String table = TYPE_COLUMNS.get(use)[0];
        String column = TYPE_COLUMNS.get(use)[1];
        try (Connection db = TestDatabase.superuser(databaseName())) {
            List<String> checks = TableChecks.naming(db, table, column);
            assertThat(checks).as("one CHECK on " + table + "." + column).hasSize(1);
            assertThat(TableChecks.quoted(checks.get(0))).isEqualTo(CustodyType.keys(use));

            // What the live constraints do, not only what they say: a copy of the table with its CHECKs and without
            // its NOT NULLs takes a row with only the type set, exactly when the type is one of the use.
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TEMP TABLE probe (LIKE " + table + " INCLUDING CONSTRAINTS) ON COMMIT DROP");
                for (String notNull : notNullColumns(db, table)) {
                    ddl.execute("ALTER TABLE probe ALTER COLUMN " + notNull + " DROP NOT NULL");
                }
            }
            Set<String> candidates = new TreeSet<>(List.of("nonsense", ""));
            Arrays.stream(CustodyType.values()).map(CustodyType::key).forEach(candidates::add);
            Arrays.stream(ObjectKind.values()).map(ObjectKind::key).forEach(candidates::add);
            Set<String> accepted = new LinkedHashSet<>();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO probe (" + column + ") VALUES (?)")) {
                for (String candidate : candidates) {
                    Savepoint before = db.setSavepoint();
                    insert.setString(1, candidate);
                    try {
                        insert.executeUpdate();
                        accepted.add(candidate);
                    } catch (SQLException refused) {
                        assertThat(refused.getSQLState()).as(candidate).isEqualTo("23514");
                        db.rollback(before);
                    }
                }
            }
            db.rollback();
            assertThat(accepted).containsExactlyInAnyOrderElementsOf(CustodyType.keys(use));
        }
    }

    /** A new column storing custody types must be listed above, and so checked against the catalogue. */
    @Test
    void noOtherCheckNamesACustodyType() throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        Arrays.stream(CustodyType.values()).map(CustodyType::key).forEach(keys::add);
        List<String> elsewhere = new ArrayList<>();
        try (Connection db = TestDatabase.superuser(databaseName());
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT c.conrelid::regclass::text, "
                                + "pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                                + "WHERE n.nspname = 'public' AND c.contype = 'c'")) {
            while (rows.next()) {
                String table = rows.getString(1);
                String definition = rows.getString(2);
                boolean known = TYPE_COLUMNS.values().stream()
                        .anyMatch(place -> place[0].equals(table) && definition.contains(place[1]));
                if (!known && TableChecks.quoted(definition).stream().anyMatch(keys::contains)) {
                    elsewhere.add(table + ": " + definition);
                }
            }
        }
        assertThat(elsewhere).isEmpty();
    }

    /**
     * Every literal type the functions compare a type column or a kind with, or pass as one, is a catalogue type;
     * the portal's functions branch on each scopable type (a scope of a type without a branch would show nothing).
     */
    @Test
    void theFunctionsBranchOnCatalogueTypesOnly() throws SQLException {
        Map<String, Set<String>> named = new LinkedHashMap<>();
        Pattern comparison =
                Pattern.compile("\\b(scope_type|target_type|material_type|kind|p_type|p_kind)\\s*=\\s*'([a-z_]+)'");
        Pattern passed = Pattern.compile("(custos_held|custos_portal_sharing_restricted)\\s*\\(\\s*'([a-z_]+)'");
        Pattern selected = Pattern.compile("SELECT\\s+'([a-z_]+)'\\s*,");
        try (Connection db = TestDatabase.superuser(databaseName());
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT p.proname, p.prosrc FROM pg_proc p "
                                + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'")) {
            while (rows.next()) {
                String function = rows.getString(1);
                String source = rows.getString(2);
                for (Matcher found = comparison.matcher(source); found.find(); ) {
                    named.computeIfAbsent(found.group(1), column -> new TreeSet<>())
                            .add(found.group(2));
                }
                for (Matcher found = passed.matcher(source); found.find(); ) {
                    named.computeIfAbsent("passed", column -> new TreeSet<>()).add(found.group(2));
                }
                if (function.equals("custos_held")) {
                    for (Matcher found = selected.matcher(source); found.find(); ) {
                        named.computeIfAbsent("kind", column -> new TreeSet<>()).add(found.group(1));
                    }
                }
            }
        }
        assertThat(named.get("scope_type")).containsExactlyInAnyOrderElementsOf(CustodyType.keys(Use.SCOPE));
        assertThat(named.getOrDefault("target_type", Set.of())).isSubsetOf(CustodyType.keys(Use.HOLD));
        assertThat(named.getOrDefault("material_type", Set.of())).isSubsetOf(CustodyType.keys(Use.MATERIAL));
        Set<String> all = new LinkedHashSet<>();
        Arrays.stream(CustodyType.values()).map(CustodyType::key).forEach(all::add);
        assertThat(named.get("kind"))
                .as("kinds custos_held follows")
                .isNotEmpty()
                .isSubsetOf(all);
        assertThat(named.getOrDefault("p_type", Set.of())).isSubsetOf(all);
        assertThat(named.get("passed")).isSubsetOf(all);
    }

    @ParameterizedTest
    @EnumSource(CustodyType.class)
    void eachTypeIsStoredLocatedHeldAndUsableAsTheCatalogueSays(CustodyType type) throws SQLException {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller caller = as(operator, tenant);
        for (String role : new String[] {"emergency_operator", "insurance_operator", "legal_operator"}) {
            caller.assign(role, operator, null);
        }
        Made made = CustodyObjects.make(caller, type);

        try (Connection db = TestDatabase.superuser(databaseName())) {
            UUID stored;
            try (PreparedStatement row = db.prepareStatement(
                    "SELECT " + type.circleColumn() + " FROM " + type.readTable() + " WHERE id = ?")) {
                row.setObject(1, made.id());
                try (ResultSet found = row.executeQuery()) {
                    assertThat(found.next()).as("a row in " + type.readTable()).isTrue();
                    stored = found.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement locate =
                    db.prepareStatement("SELECT located, circle FROM custos_object_circle(?, ?)")) {
                locate.setString(1, type.key());
                locate.setObject(2, made.id());
                try (ResultSet located = locate.executeQuery()) {
                    located.next();
                    assertThat(located.getBoolean("located")).isTrue();
                    assertThat(located.getObject("circle", UUID.class)).isEqualTo(stored);
                }
            }
            assertThat(held(db, tenant, made)).isFalse();

            Map<?, ?> hold = caller.post(
                            "/api/operator/legal/holds", Map.of("title", "Hold", "reason", "litigation expected"))
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            caller.post(
                            "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                            Map.of("target_type", type.key(), "target_id", made.id()))
                    .expectStatus()
                    .isEqualTo(type.can(Use.HOLD) ? 201 : 400);
            assertThat(held(db, tenant, made)).isEqualTo(type.can(Use.HOLD));
        }

        Map<?, ?> grant = caller.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Scoped",
                                "expires_at",
                                java.time.Instant.now().plusSeconds(86_400).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        caller.post(
                        "/api/authority/grants/" + grant.get("id") + "/scopes",
                        Map.of("scope_type", type.key(), "scope_id", made.id()))
                .expectStatus()
                .isEqualTo(type.can(Use.SCOPE) ? 201 : 400);

        Map<?, ?> dispute = caller.post("/api/disputes", Map.of("title", "Doe v. Acme", "counterparty", "Doe"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        caller.post(
                        "/api/disputes/" + dispute.get("id") + "/materials",
                        Map.of("material_type", type.key(), "material_id", made.id()))
                .expectStatus()
                .isEqualTo(type.can(Use.MATERIAL) ? 200 : 400);
    }

    /** What {@code custos_held} answers for the object, in its tenant. */
    private static boolean held(Connection db, UUID tenant, Made made) throws SQLException {
        try (PreparedStatement held =
                db.prepareStatement("SELECT set_config('app.tenant_id', ?, false), custos_held(?, ?, false)")) {
            held.setString(1, tenant.toString());
            held.setString(2, made.type().key());
            held.setObject(3, made.id());
            try (ResultSet row = held.executeQuery()) {
                row.next();
                return row.getBoolean(2);
            }
        }
    }

    private static List<String> notNullColumns(Connection db, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT attname FROM pg_attribute "
                + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attnotnull")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
