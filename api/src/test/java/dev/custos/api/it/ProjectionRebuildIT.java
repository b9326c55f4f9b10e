package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.query.rebuild.ProjectionTables;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The replay proof (issue 11): a varied history made over HTTP, then {@code POST /api/admin/projections/rebuild}
 * empties the read tables and writes them again from the event store. Every table holds exactly the rows it held
 * before (a checksum over its rows), nothing is appended to the event store, and no audit, usage or access row is
 * written twice. Rows the live path wrote and a rebuild must restore are tampered with first, so that a rebuild
 * that changed nothing would fail here too.
 */
// A command sent mid-rebuild waits for the whole replay, whose length grows with every event the suite has made in
// this shared database: the wait is bounded like any lock wait, here by more than the replay can take.
@TestPropertySource(properties = "custos.db.lock-timeout=60s")
class ProjectionRebuildIT extends IntegrationTest {

    private static final String RUNS = "/api/operator/emergency/runs/";
    private static final String REBUILD = "/api/admin/projections/rebuild";
    /** When a row was written, not what it says: a restored audit row is written again, now (ARCHITECTURE §6.1). */
    private static final Map<String, String> WRITE_TIME_COLUMNS = Map.of("cc_operator_events", "created_at");

    private final List<UUID> tenants = new ArrayList<>();

    @Test
    void aRebuildGivesExactlyTheRowsTheLiveProjectionsWrote() throws Exception {
        history();
        Map<String, String> live = checksums();
        long events = count("SELECT count(*) FROM domain_event_entry");
        long usage = count("SELECT count(*) FROM cc_usage_events WHERE tenant_id = " + ours());
        long audit = count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = " + ours());
        for (String table : ProjectionTables.all()) {
            assertThat(live.get(table))
                    .as(table + " is empty: the history does not exercise it")
                    .doesNotStartWith("0 ");
        }
        tamper();
        assertThat(checksums()).isNotEqualTo(live);

        Map<?, ?> answer = rebuild(Jwts.forAdmin(UUID.randomUUID()));

        assertThat(checksums()).isEqualTo(live);
        assertThat(count("SELECT count(*) FROM domain_event_entry"))
                .as("nothing is appended")
                .isEqualTo(events);
        assertThat(count("SELECT count(*) FROM cc_usage_events WHERE tenant_id = " + ours()))
                .isEqualTo(usage);
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = " + ours()))
                .isEqualTo(audit);
        assertThat(((Number) answer.get("events")).longValue()).isEqualTo(events);
        assertThat(((List<?>) answer.get("tables"))
                        .stream()
                                .map(table -> String.valueOf(((Map<?, ?>) table).get("table")))
                                .toList())
                .containsExactlyElementsOf(ProjectionTables.all());
        // A second rebuild over rebuilt tables changes nothing either.
        rebuild(Jwts.forAdmin(UUID.randomUUID()));
        assertThat(checksums()).isEqualTo(live);
    }

    @Test
    void onlyAPlatformAdministratorMayRebuild() {
        UUID operator = UUID.randomUUID();
        createTenant(operator);
        http().post()
                .uri(REBUILD)
                .headers(h -> h.setBearerAuth(Jwts.forIndividual(operator)))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json");
        http().post()
                .uri(REBUILD)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType("application/problem+json");
    }

    /**
     * A command sent while a rebuild runs waits at its append until the rebuild has committed, then projects its
     * own events: its rows are there exactly once, and the rebuild never saw its event. An open transaction that
     * holds the gate as an append does stands for a command still committing when the rebuild is asked for.
     */
    @Test
    void aCommandDuringARebuildIsNeitherLostNorProjectedTwice() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        CompletableFuture<Map<?, ?>> rebuild;
        CompletableFuture<Map<?, ?>> hold;
        long events;
        try (Connection inFlight = TestDatabase.superuser(databaseName())) {
            inFlight.setAutoCommit(false);
            inFlight.createStatement().execute("SELECT pg_advisory_xact_lock_shared(custos_projection_rebuild_key())");
            events = count("SELECT count(*) FROM domain_event_entry");
            rebuild = CompletableFuture.supplyAsync(() -> rebuild(Jwts.forAdmin(UUID.randomUUID())));
            awaitGateWaiters(1);
            hold = CompletableFuture.supplyAsync(() -> created(legal.post(
                    "/api/operator/legal/holds", Map.of("title", "Sent mid-rebuild", "reason", "litigation"))));
            awaitGateWaiters(2);
            assertThat(count("SELECT count(*) FROM domain_event_entry")).isEqualTo(events);
            inFlight.commit();
        }
        assertThat(((Number) rebuild.get(60, TimeUnit.SECONDS).get("events")).longValue())
                .isEqualTo(events);
        String id = (String) hold.get(60, TimeUnit.SECONDS).get("id");
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + id + "'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM cc_legal_holds WHERE id = '" + id + "'"))
                .isOne();
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE action_key = 'hold_create' "
                        + "AND subject_id = '" + id + "'"))
                .isOne();
    }

    /** Two tenants, circles, roles given and taken, runs, evidence of every kind, holds, shares read in the portal. */
    private void history() {
        UUID individual = UUID.randomUUID();
        Caller operator = as(individual, tenant(individual));
        for (String role : List.of("emergency_operator", "legal_operator", "insurance_operator")) {
            operator.assign(role, individual, null);
        }
        UUID member = UUID.randomUUID();
        operator.addMember(member);
        UUID circle = operator.circleWith(individual, member);
        UUID assignment = operator.assign("legal_operator", member, circle);
        ok(operator.post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "moved")));
        ok(operator.post("/api/tenants/settings/grant-lifetime", Map.of("max_grant_lifetime_days", 30)));

        UUID run = id(created(operator.post(
                RUNS + "start",
                Map.of("run_type", "flood", "title", "Flood", "client_request_id", "rebuild-" + UUID.randomUUID()))));
        UUID capture = Evidence.uploadFor(operator, "x-emergency-run-id", run, "Flood photo");
        UUID scope = UUID.fromString((String) created(operator.post(
                        RUNS + run + "/grant-scope",
                        Map.of("grantee_individual_id", member, "scope_key", "site_access")))
                .get("scope_grant_id"));
        ok(operator.post(RUNS + run + "/revoke-scope", Map.of("scope_grant_id", scope, "reason", "left")));
        Map<?, ?> pack = created(operator.post(RUNS + run + "/generate-record-pack", Map.of()));
        String session = session(created(operator.post(RUNS + run + "/share-authority", share())));
        Shares.get(http(), session, "/p/authority/bundles/" + pack.get("id") + "/manifest")
                .expectStatus()
                .isOk();
        Shares.get(http(), session, "/p/authority/evidence/" + capture)
                .expectStatus()
                .isOk();
        ok(operator.post(RUNS + run + "/resolve", Map.of("resolution_note", "pumped out")));

        UUID hold = id(created(operator.post("/api/operator/legal/holds", Map.of("title", "Flood", "reason", "x"))));
        created(operator.post(
                "/api/operator/legal/holds/" + hold + "/targets",
                Map.of("target_type", "emergency_run", "target_id", run)));
        UUID released = id(created(operator.inCircle(circle)
                .post("/api/operator/legal/holds", Map.of("title", "Short", "reason", "y", "circle_id", circle))));
        ok(operator.post("/api/operator/legal/holds/" + released + "/release", Map.of("reason", "settled")));

        UUID claim = id(created(operator.post(
                "/api/insurance/claims",
                Map.of(
                        "claim_number",
                        "CLM-" + UUID.randomUUID(),
                        "policy_ref",
                        "POL-1",
                        "loss_date",
                        "2026-11-20",
                        "title",
                        "Flood"))));
        ok(operator.post("/api/insurance/claims/" + claim + "/evidence", Map.of("evidence_id", capture)));
        Evidence.uploadFor(operator, "x-claim-id", claim, "Estimate");
        UUID dossier = id(created(operator.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())));
        ok(operator.post("/api/operator/insurance/dossiers/" + dossier + "/export", Map.of()));
        UUID dispute = id(created(
                operator.post("/api/disputes", Map.of("title", "Flood v. Landlord", "counterparty", "Landlord Ltd"))));
        ok(operator.post(
                "/api/disputes/" + dispute + "/materials",
                Map.of("material_type", "claim_dossier", "material_id", dossier)));
        Evidence.uploadFor(operator, "x-dispute-id", dispute, "Letter");
        created(operator.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of()));

        UUID checked = Evidence.sealed(operator, "Checked");
        ok(operator.post("/api/evidence/" + checked + "/verify", Map.of()));
        operator.delete("/api/evidence/" + Evidence.uploadId(operator, "Destroyed"))
                .expectStatus()
                .isOk();
        UUID bundle = Evidence.sealedBundle(operator, "Bundle", checked);
        Shares.Share shared = Shares.share(
                operator, Instant.now().plus(1, ChronoUnit.DAYS), 5, null, Map.of("evidence_bundle", bundle));
        String reader = Shares.session(http(), shared.token().raw(), null);
        Shares.get(http(), reader, "/p/authority/index").expectStatus().isOk();
        ok(operator.post("/api/authority/tokens/" + shared.token().id() + "/revoke", Map.of("reason", "done")));
        Shares.get(http(), reader, "/p/authority/index").expectStatus().isUnauthorized();

        UUID other = UUID.randomUUID();
        Caller second = as(other, tenant(other));
        second.assign("legal_operator", other, null);
        UUID secondCircle = second.circleWith(other);
        created(second.inCircle(secondCircle)
                .post(
                        "/api/operator/legal/holds",
                        Map.of("title", "Theirs", "reason", "z", "circle_id", secondCircle)));
        Evidence.uploadId(second, "Their photo");
    }

    /** Rows the live path wrote, changed behind its back: a rebuilt table is rewritten, a lost record restored. */
    private void tamper() throws Exception {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement()) {
            sql.execute("UPDATE cc_legal_holds SET title = 'tampered' WHERE tenant_id = " + ours());
            sql.execute("DELETE FROM cc_circle_members WHERE tenant_id = " + ours());
            for (String table : ProjectionTables.APPEND_ONLY) {
                String trigger = table + "_refuse_update_delete";
                sql.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
                try {
                    sql.execute("DELETE FROM " + table + " WHERE ctid = (SELECT min(ctid) FROM " + table
                            + " WHERE tenant_id = " + ours() + ")");
                } finally {
                    sql.execute("ALTER TABLE " + table + " ENABLE ALWAYS TRIGGER " + trigger);
                }
            }
        }
    }

    /** Per table, its rows of this test's tenants: "count md5", over each row as text, in text order. */
    private Map<String, String> checksums() throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection db = TestDatabase.superuser(databaseName())) {
            for (String table : ProjectionTables.all()) {
                String row = "(to_jsonb(t) - '" + WRITE_TIME_COLUMNS.getOrDefault(table, "") + "')::text";
                try (PreparedStatement query = db.prepareStatement("SELECT count(*) || ' ' || coalesce(md5("
                        + "string_agg(" + row + ", E'\\n' ORDER BY " + row + ")), '') FROM " + table + " t "
                        + "WHERE tenant_id = ANY (?)")) {
                    Array ids = db.createArrayOf("uuid", tenants.toArray());
                    query.setArray(1, ids);
                    try (ResultSet sum = query.executeQuery()) {
                        sum.next();
                        sums.put(table, sum.getString(1));
                    }
                }
            }
        }
        return sums;
    }

    private Map<?, ?> rebuild(String token) {
        return http().mutate()
                .responseTimeout(Duration.ofSeconds(120))
                .build()
                .post()
                .uri(REBUILD)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** Waits until {@code waiting} sessions of this database wait for the rebuild gate. */
    private static void awaitGateWaiters(int waiting) throws Exception {
        String sql = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database " + "WHERE d.datname = '"
                + databaseName() + "' AND l.locktype = 'advisory' AND NOT l.granted";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count(sql) < waiting) {
            assertThat(System.nanoTime()).as("sessions waiting at the gate").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private UUID tenant(UUID firstOperator) {
        UUID tenant = createTenant(firstOperator);
        tenants.add(tenant);
        return tenant;
    }

    /** This test's tenants, as an SQL list. */
    private String ours() {
        return "ANY (ARRAY["
                + String.join(
                        ", ", tenants.stream().map(id -> "'" + id + "'::uuid").toList()) + "])";
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }

    private String session(Map<?, ?> share) {
        String url = (String) share.get("share_url");
        return Shares.session(http(), url.substring(url.indexOf("#token=") + 7), null);
    }

    private static Map<String, Object> share() {
        return Map.of(
                "grant_type",
                "adjuster",
                "title",
                "Flood",
                "expires_at",
                Instant.now().plus(2, ChronoUnit.DAYS).toString());
    }

    private static UUID id(Map<?, ?> answer) {
        return UUID.fromString((String) answer.get("id"));
    }

    private static Map<?, ?> created(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<?, ?> ok(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
