package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every SQL function lives in exactly one place: its family's repeatable migration ({@code R__*.sql}), which Flyway
 * runs again whenever the file changes. Versioned migrations made them up to V28 and may not change them any more.
 * Here: the repeatable files give back exactly the functions V1..V28 made (unless a function is listed as changed
 * in its home since), no later versioned migration defines a function, each function of the schema has one home,
 * and the standing read runs no SQL text it is given.
 */
class FunctionHomesIT {

    /** The last versioned migration that was allowed to define functions. */
    private static final int LAST_VERSION_WITH_FUNCTIONS = 28;

    /**
     * Functions whose definition in their R__ file has moved on from what V1..V28 left (or that V1..V28 never made),
     * by name. Empty while the repeatable files only restate the versioned history. A function changed in its home
     * is added here, so that a change nobody meant (an edit in the wrong function, a lost grant) still fails.
     */
    private static final Set<String> CHANGED_IN_THEIR_HOME = Set.of(
            // The hold rule's covering set became a function of its own, which the portal index's footprint reads.
            "custos_held",
            "custos_hold_covering",
            // The portal index became a stored projection; the app computes it with the portal's helpers.
            "cc_authority_list_scope_index",
            "custos_portal_index_item",
            "custos_portal_index_footprint",
            "custos_portal_index_refresh",
            "custos_portal_index_touched",
            "custos_portal_index_backfill",
            "custos_portal_sharing_restricted",
            "custos_portal_scoped_evidence",
            "custos_portal_evidence_summary",
            "custos_portal_claims",
            "custos_portal_dossiers",
            // The aggregate's lock answers the stream's last sequence, so an instance's cached copy is checked.
            "custos_lock_aggregate");

    private static final Pattern DEFINES_FUNCTION = Pattern.compile(
            "CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|PROCEDURE)\\s+(?:public\\.)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final String FUNCTIONS = """
            SELECT p.oid::regprocedure::text AS signature, p.proname AS name,
                   pg_get_userbyid(p.proowner) AS owner, coalesce(p.proacl::text, 'default') AS acl,
                   pg_get_functiondef(p.oid) AS definition
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public'
               AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                                           AND d.deptype = 'e')
             ORDER BY 1
            """;

    private static Map<String, Function> versionedOnly;
    private static Map<String, Function> migrated;
    private static Map<String, String> migrationFiles;

    record Function(String name, String owner, String acl, String definition) {}

    @BeforeAll
    static void migrateTwice() throws Exception {
        migrationFiles = migrationFiles();
        String versionedUrl = TestDatabase.createDatabase();
        TestDatabase.versionedMigrationsOnly(versionedUrl).load().migrate();
        versionedOnly = functions(versionedUrl);
        String fullUrl = TestDatabase.createDatabase();
        Flyway.configure()
                .dataSource(fullUrl, TestDatabase.OWNER, "owner")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = functions(fullUrl);
    }

    @Test
    void theRepeatableMigrationsGiveBackTheFunctionsTheVersionedOnesMade() {
        assertThat(versionedOnly).hasSizeGreaterThan(25);
        List<String> differences = new ArrayList<>();
        Set<String> signatures = new TreeSet<>(versionedOnly.keySet());
        signatures.addAll(migrated.keySet());
        for (String signature : signatures) {
            Function before = versionedOnly.get(signature);
            Function after = migrated.get(signature);
            String name = (after != null ? after : before).name();
            boolean same = after != null && after.equals(before);
            if (same == CHANGED_IN_THEIR_HOME.contains(name)) {
                differences.add(signature
                        + (same
                                ? ": listed as changed, but is as V1..V" + LAST_VERSION_WITH_FUNCTIONS + " left it"
                                : ": V1..V" + LAST_VERSION_WITH_FUNCTIONS + " left " + before + ", now " + after));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void noVersionedMigrationAfterV28DefinesAFunction() {
        List<String> offending = new ArrayList<>();
        migrationFiles.forEach((file, sql) -> {
            Matcher versioned = VERSIONED.matcher(file);
            if (versioned.matches() && Integer.parseInt(versioned.group(1)) > LAST_VERSION_WITH_FUNCTIONS) {
                Matcher defines = DEFINES_FUNCTION.matcher(withoutComments(sql));
                while (defines.find()) {
                    offending.add(file + ": " + defines.group(1));
                }
            }
        });
        assertThat(offending).as("functions change only in their R__ file").isEmpty();
        assertThat(migrationFiles.keySet()).anyMatch(file -> file.startsWith("V" + LAST_VERSION_WITH_FUNCTIONS + "__"));
    }

    @Test
    void everyFunctionOfTheSchemaHasExactlyOneRepeatableHome() {
        Map<String, List<String>> homes = new TreeMap<>();
        migrationFiles.forEach((file, sql) -> {
            if (file.startsWith("R__")) {
                Matcher defines = DEFINES_FUNCTION.matcher(withoutComments(sql));
                while (defines.find()) {
                    homes.computeIfAbsent(defines.group(1).toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                            .add(file);
                }
            }
        });
        Set<String> live = new TreeSet<>();
        migrated.values().forEach(function -> live.add(function.name()));
        List<String> wrong = new ArrayList<>();
        for (String name : live) {
            List<String> files = homes.getOrDefault(name, List.of());
            if (files.size() != 1) {
                wrong.add(name + " is defined in " + files);
            }
        }
        homes.keySet().stream()
                .filter(name -> !live.contains(name))
                .forEach(name -> wrong.add(name + " is defined in " + homes.get(name) + " but not in the schema"));
        assertThat(wrong).isEmpty();
        assertThat(live).hasSizeGreaterThan(25);
    }

    @Test
    void theStandingReadRunsNoSqlTextItIsGiven() {
        for (String name : List.of("custos_operator_standing", "custos_object_circle")) {
            List<Function> found = migrated.values().stream()
                    .filter(f -> f.name().equals(name))
                    .toList();
            assertThat(found).as(name).hasSize(1);
            assertThat(found.get(0).definition()).as(name).doesNotContainPattern("(?i)\\bEXECUTE\\b");
        }
    }

    private static Map<String, Function> functions(String url) throws SQLException {
        String database = url.replaceFirst(".*/([^/?]+).*", "$1");
        Map<String, Function> functions = new TreeMap<>();
        try (Connection db = TestDatabase.superuser(database);
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(FUNCTIONS)) {
            while (rows.next()) {
                functions.put(
                        rows.getString("signature"),
                        new Function(
                                rows.getString("name"),
                                rows.getString("owner"),
                                rows.getString("acl"),
                                rows.getString("definition")));
            }
        }
        return functions;
    }

    private static Map<String, String> migrationFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql")) {
            try (InputStream in = resource.getInputStream()) {
                files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.keySet()).anyMatch(file -> file.startsWith("R__"));
        return files;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
