package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.canonical.CanonicalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emergency runs over HTTP: start (idempotent), resolve, scopes, captures, the playbook, the record pack, the
 * share and the dashboard, each with its one audit row; and refusals that change nothing and write no row.
 */
class EmergencyRunIT extends IntegrationTest {

    private Caller emergency;

    @BeforeEach
    void tenantWithAnEmergencyOperator() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("emergency_operator", operator, null);
        emergency = as(operator, tenant);
    }

    private Map<?, ?> start(Map<String, Object> body) {
        return emergency
                .post("/api/operator/emergency/runs/start", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private UUID startRun() {
        return UUID.fromString((String)
                start(Map.of("run_type", "flood", "title", "Basement flood")).get("id"));
    }

    private String runs(UUID run) {
        return "/api/operator/emergency/runs/" + run;
    }

    private long auditRows(String actionKey, UUID subject) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + emergency.tenant()
                        + "' AND action_key = '" + actionKey + "' AND subject_id = '" + subject + "'");
    }

    private UUID capture(UUID run, String title) {
        return Evidence.uploadFor(emergency, "x-emergency-run-id", run, title);
    }

    @Test
    void aStartedRunIsActiveAndOnRecordOnce() {
        Map<?, ?> run = start(Map.of("run_type", "flood", "title", " Basement flood ", "summary", "water"));
        assertThat(run.get("status")).isEqualTo("active");
        assertThat(run.get("title")).isEqualTo("Basement flood");
        assertThat(run.get("started_at")).isNotNull();
        assertThat(auditRows("run_start", UUID.fromString((String) run.get("id"))))
                .isEqualTo(1);
    }

    @Test
    void aRepeatedStartFindsItsRunAndAReusedKeyIsAConflict() {
        Map<String, Object> body = Map.of("run_type", "fire", "title", "Kitchen fire", "client_request_id", "r-1");
        Map<?, ?> first = start(body);
        Map<?, ?> repeat = emergency
                .post("/api/operator/emergency/runs/start", body)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(repeat).isEqualTo(first);
        emergency
                .post(
                        "/api/operator/emergency/runs/start",
                        Map.of("run_type", "fire", "title", "Another fire", "client_request_id", "r-1"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_emergency_runs WHERE tenant_id = '" + emergency.tenant() + "'"))
                .isEqualTo(1);
    }

    @Test
    void resolvingNeedsANoteAndHappensOnce() {
        UUID run = startRun();
        emergency
                .post(runs(run) + "/resolve", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("resolution_note");
        emergency
                .post(runs(run) + "/resolve", Map.of("resolution_note", "pumped out"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("resolved")
                .jsonPath("$.resolution_note")
                .isEqualTo("pumped out");
        emergency
                .post(runs(run) + "/resolve", Map.of("resolution_note", "again"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(auditRows("run_resolve", run)).isEqualTo(1);
    }

    @Test
    void scopesGoToMembersAndAreRevokedOnce() {
        UUID run = startRun();
        UUID member = UUID.randomUUID();
        emergency.addMember(member);
        emergency
                .post(
                        runs(run) + "/grant-scope",
                        Map.of("grantee_individual_id", UUID.randomUUID(), "scope_key", "site_access"))
                .expectStatus()
                .isNotFound();
        emergency
                .post(runs(run) + "/grant-scope", Map.of("grantee_individual_id", member, "scope_key", "Site Access!"))
                .expectStatus()
                .isBadRequest();
        Map<?, ?> grant = emergency
                .post(
                        runs(run) + "/grant-scope",
                        Map.of(
                                "grantee_individual_id",
                                member,
                                "scope_key",
                                "site_access",
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID scopeGrant = UUID.fromString((String) grant.get("scope_grant_id"));
        assertThat(grant.get("grantee_individual_id")).isEqualTo(member.toString());

        emergency
                .post(runs(run) + "/revoke-scope", Map.of("scope_grant_id", UUID.randomUUID(), "reason", "who"))
                .expectStatus()
                .isNotFound();
        emergency
                .post(runs(run) + "/revoke-scope", Map.of("scope_grant_id", scopeGrant, "reason", "left"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revoke_reason")
                .isEqualTo("left");
        emergency
                .post(runs(run) + "/revoke-scope", Map.of("scope_grant_id", scopeGrant, "reason", "again"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(auditRows("run_grant_scope", run)).isEqualTo(1);
        assertThat(auditRows("run_revoke_scope", run)).isEqualTo(1);
    }

    @Test
    void theRecordPackSealsTheCapturesAndIsSharedWithAnAuthority() {
        UUID run = startRun();
        emergency.post(runs(run) + "/share-authority", share()).expectStatus().isEqualTo(409);
        UUID first = capture(run, "Photo 1");
        UUID second = capture(run, "Photo 2");
        emergency
                .post("/api/evidence/" + first + "/seal", Map.of())
                .expectStatus()
                .isOk();

        Map<?, ?> pack = emergency
                .post(runs(run) + "/generate-record-pack", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(pack.get("status")).isEqualTo("sealed");
        assertThat(pack.get("evidence_ids")).isEqualTo(List.of(first.toString(), second.toString()));
        assertThat(pack.get("manifest_sha256")).isEqualTo(CanonicalJson.sha256Hex((String) pack.get("manifest_json")));
        emergency
                .get("/api/evidence/" + second)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chain_status")
                .isEqualTo("sealed");
        assertThat(auditRows("run_generate_record_pack", run)).isEqualTo(1);

        Map<?, ?> shared = emergency
                .post(runs(run) + "/share-authority", share())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) shared.get("share_url")).contains("/p/authority#token=");
        String token =
                ((String) shared.get("share_url")).substring(((String) shared.get("share_url")).indexOf("#token=") + 7);
        String session = dev.custos.api.support.Shares.session(http(), token, null);
        dev.custos.api.support.Shares.get(http(), session, "/p/authority/bundles/" + pack.get("id") + "/manifest")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.manifest_sha256")
                .isEqualTo(pack.get("manifest_sha256"));
        dev.custos.api.support.Shares.get(http(), session, "/p/authority/evidence/" + second)
                .expectStatus()
                .isOk();
        assertThat(auditRows("run_share_authority", run)).isEqualTo(1);
    }

    @Test
    void theSameRunGivesTheSamePlaybook() {
        UUID run = startRun();
        UUID member = UUID.randomUUID();
        emergency.addMember(member);
        emergency
                .post(runs(run) + "/grant-scope", Map.of("grantee_individual_id", member, "scope_key", "site"))
                .expectStatus()
                .isCreated();
        capture(run, "Photo");
        emergency
                .post(runs(run) + "/resolve", Map.of("resolution_note", "done"))
                .expectStatus()
                .isOk();

        Map<?, ?> first = emergency
                .post(runs(run) + "/export-playbook", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> second = emergency
                .post(runs(run) + "/export-playbook", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(second).isEqualTo(first);
        Map<?, ?> playbook = (Map<?, ?>) first.get("playbook");
        assertThat(playbook.get("run_type")).isEqualTo("flood");
        List<?> steps = (List<?>) playbook.get("steps");
        assertThat(field(steps, "action")).containsExactly("start", "grant_scope", "capture", "resolve");
        assertThat(first.get("playbook_sha256"))
                .isEqualTo(CanonicalJson.sha256Hex(CanonicalJson.write(canonical(playbook))));
        assertThat(auditRows("run_export_playbook", run)).isEqualTo(2);
    }

    @Test
    void theDashboardShowsTheRunAndIsItselfOnRecord() {
        UUID run = startRun();
        UUID photo = capture(run, "Photo");
        Map<?, ?> dashboard = emergency
                .get(runs(run) + "/dashboard")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(((Map<?, ?>) dashboard.get("run")).get("id")).isEqualTo(run.toString());
        assertThat(field((List<?>) dashboard.get("captures"), "id")).containsExactly(photo.toString());
        assertThat(field((List<?>) dashboard.get("events"), "action_key")).contains("run_start", "run_dashboard_view");
        assertThat((List<?>) dashboard.get("grants")).isEmpty();
        assertThat((List<?>) dashboard.get("bundles")).isEmpty();
        assertThat(auditRows("run_dashboard_view", run)).isEqualTo(1);
    }

    @Test
    void withoutTheRoleOrInAnotherTenantNothingHappensAndNothingIsOnRecord() {
        UUID run = startRun();
        UUID member = UUID.randomUUID();
        emergency.addMember(member);
        Caller noRole = as(member, emergency.tenant());
        noRole.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "x"))
                .expectStatus()
                .isForbidden();
        noRole.post(runs(run) + "/resolve", Map.of("resolution_note", "x"))
                .expectStatus()
                .isForbidden();
        noRole.get(runs(run) + "/dashboard").expectStatus().isForbidden();

        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        other.assign("emergency_operator", stranger, null);
        other.post(runs(run) + "/resolve", Map.of("resolution_note", "x"))
                .expectStatus()
                .isNotFound();
        other.get(runs(run) + "/dashboard").expectStatus().isNotFound();

        emergency
                .get(runs(run) + "/dashboard")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.run.status")
                .isEqualTo("active");
        assertThat(auditRows("run_resolve", run)).isZero();
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_operator_events WHERE subject_id = '" + run
                                + "' AND operator_individual_id <> '" + emergency.individual() + "'"))
                .isZero();
    }

    /** One field of each object of a JSON list. */
    private static List<Object> field(List<?> objects, String name) {
        return objects.stream()
                .map(object -> ((Map<?, ?>) object).get(name))
                .map(Object.class::cast)
                .toList();
    }

    @Test
    void concurrentResolveGrantAndPackCallsLeaveTheRunConsistent() throws Exception {
        UUID run = startRun();
        capture(run, "Photo 1");
        capture(run, "Photo 2");
        UUID member = UUID.randomUUID();
        emergency.addMember(member);
        List<java.util.concurrent.Callable<String>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(() -> "resolve "
                    + emergency
                            .post(runs(run) + "/resolve", Map.of("resolution_note", "done"))
                            .returnResult(String.class)
                            .getStatus()
                            .value());
            calls.add(() -> "grant "
                    + emergency
                            .post(
                                    runs(run) + "/grant-scope",
                                    Map.of("grantee_individual_id", member, "scope_key", "site"))
                            .returnResult(String.class)
                            .getStatus()
                            .value());
            calls.add(() -> "pack "
                    + emergency
                            .post(runs(run) + "/generate-record-pack", Map.of())
                            .returnResult(String.class)
                            .getStatus()
                            .value());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        List<String> outcomes = new java.util.ArrayList<>();
        try {
            for (var future : pool.invokeAll(calls)) {
                outcomes.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes)
                .allMatch(outcome -> outcome.endsWith(" 200") || outcome.endsWith(" 201") || outcome.endsWith(" 409"));
        assertThat(outcomes)
                .filteredOn(outcome -> outcome.equals("resolve 200"))
                .hasSize(1);
        long grants =
                outcomes.stream().filter(outcome -> outcome.equals("grant 201")).count();
        long packs =
                outcomes.stream().filter(outcome -> outcome.equals("pack 201")).count();
        assertThat(grants).isLessThanOrEqualTo(1);
        assertThat(packs).isGreaterThanOrEqualTo(1);

        Map<?, ?> dashboard = emergency
                .get(runs(run) + "/dashboard")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(((Map<?, ?>) dashboard.get("run")).get("status")).isEqualTo("resolved");
        assertThat((List<?>) dashboard.get("grants")).hasSize((int) grants);
        assertThat(field((List<?>) dashboard.get("bundles"), "status"))
                .hasSize((int) packs)
                .allMatch("sealed"::equals);
        assertThat(field((List<?>) dashboard.get("captures"), "chain_status")).containsExactly("sealed", "sealed");
        // The run's stream holds exactly what was answered: its start, one resolution, the grants, the packs.
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM domain_event_entry " + "WHERE aggregate_identifier = '" + run + "'"))
                .isEqualTo(2 + grants + packs);
        assertThat(auditRows("run_generate_record_pack", run)).isEqualTo(packs);
    }

    private static Map<String, Object> share() {
        Map<String, Object> body = new HashMap<>();
        body.put("grant_type", "adjuster");
        body.put("title", "Flood record");
        body.put("expires_at", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        return body;
    }

    /** The JSON as parsed back into the types canonical JSON writes (integers as longs). */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            map.forEach((key, item) -> copy.put((String) key, canonical(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EmergencyRunIT::canonical).toList();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }
}
