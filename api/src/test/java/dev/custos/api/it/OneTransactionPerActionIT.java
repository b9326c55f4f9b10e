package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * An operator action of several commands is one transaction. Each multi-command action is made to fail at every
 * one of its steps in turn (the event store refuses the step's event, behind the service's back), and every time
 * nothing of it remains: no event, no audit row, no read-model change; once the fault is gone the same action
 * succeeds whole, so no aggregate kept in memory what was rolled back. Then the races an action used to lose
 * half way are run, and each ends whole or not at all.
 */
class OneTransactionPerActionIT extends IntegrationTest {

    private static final String FAULT = "zz_injected_fault";

    private Caller operator;

    @BeforeEach
    void tenantWithEveryOperatorRole() {
        UUID individual = UUID.randomUUID();
        UUID tenant = createTenant(individual);
        for (String role : List.of("legal_operator", "insurance_operator", "emergency_operator")) {
            as(individual, tenant).assign(role, individual, null);
        }
        operator = as(individual, tenant);
    }

    @Test
    void aRecordPackFailingAtAnyStepLeavesNothing() {
        UUID run = post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Basement flood"));
        Evidence.uploadFor(operator, "x-emergency-run-id", run, "Photo 1");
        Evidence.uploadFor(operator, "x-emergency-run-id", run, "Photo 2");

        everyStepFailsWhole(
                () -> operator.post("/api/operator/emergency/runs/" + run + "/generate-record-pack", Map.of()),
                "EvidenceSealed",
                "EvidenceBundleCreated",
                "EvidenceBundleSealed",
                "EmergencyRunRecordPackGenerated");
    }

    @Test
    void aDossierFailingAtAnyStepLeavesNothing() {
        UUID claim = claim();
        Evidence.uploadFor(operator, "x-claim-id", claim, "Roof");
        Evidence.uploadFor(operator, "x-claim-id", claim, "Gutter");

        everyStepFailsWhole(
                () -> operator.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of()),
                "EvidenceSealed",
                "ClaimDossierAssembled");
    }

    @Test
    void aDefensePackFailingAtAnyStepLeavesNothing() {
        UUID dispute = post("/api/disputes", Map.of("title", "Smith v. Acme", "counterparty", "Smith Roofing"));
        UUID contract = Evidence.uploadId(operator, "Contract");
        operator.post(
                        "/api/disputes/" + dispute + "/materials",
                        Map.of("material_type", "evidence_object", "material_id", contract))
                .expectStatus()
                .isOk();

        everyStepFailsWhole(
                () -> operator.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of()),
                "EvidenceSealed",
                "EvidenceBundleCreated",
                "EvidenceBundleSealed",
                "DefensePackAssembled");
    }

    @Test
    void aShareFailingAtAnyStepLeavesNothing() {
        UUID dossier = dossier();

        everyStepFailsWhole(
                () -> share(dossier), "AuthorityGrantCreated", "AuthorityScopeAdded", "AuthorityTokenIssued");
    }

    @Test
    void aRevocationFailingAtAnyStepLeavesNothing() {
        UUID bundle = Evidence.sealedBundle(operator, "Pack", Evidence.sealed(operator, "Photo"));
        Shares.Share share = Shares.share(
                operator, Instant.now().plus(2, ChronoUnit.DAYS), null, null, Map.of("evidence_bundle", bundle));
        Shares.token(operator, share.grantId(), null);

        everyStepFailsWhole(
                () -> operator.post(
                        "/api/authority/grants/" + share.grantId() + "/revoke", Map.of("reason", "case closed")),
                "AuthorityGrantRevoked",
                "AuthorityTokenRevoked");
        assertThat(count("SELECT count(*) FROM cc_authority_access_tokens WHERE grant_id = '" + share.grantId()
                        + "' AND status = 'revoked'"))
                .isEqualTo(2);
    }

    /**
     * Shares racing a restricting hold on what they share: before, a share could lose the race at its scope and
     * leave a grant with no scope and no token. Now every share either made all three or nothing.
     */
    @Test
    void aShareRacingARestrictingHoldIsWholeOrNothing() throws Exception {
        UUID dossier = dossier();
        UUID hold = post(
                "/api/operator/legal/holds",
                Map.of("title", "Smith", "reason", "litigation", "restrict_sharing", true));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(
                    () -> share(dossier).returnResult(String.class).getStatus().value());
        }
        calls.add(() -> operator.post(
                        "/api/operator/legal/holds/" + hold + "/targets",
                        Map.of("target_type", "claim_dossier", "target_id", dossier))
                .returnResult(String.class)
                .getStatus()
                .value());
        List<Integer> statuses = all(calls);

        assertThat(statuses.get(6)).isEqualTo(201);
        assertThat(statuses).allMatch(status -> status == 201 || status == 409);
        long grants = count("SELECT count(*) FROM cc_authority_access_grants WHERE tenant_id = '" + tenant() + "'");
        long scoped = count(
                "SELECT count(DISTINCT grant_id) FROM cc_authority_access_scopes WHERE tenant_id = '" + tenant() + "'");
        long tokened = count(
                "SELECT count(DISTINCT grant_id) FROM cc_authority_access_tokens WHERE tenant_id = '" + tenant() + "'");
        assertThat(scoped).isEqualTo(grants);
        assertThat(tokened).isEqualTo(grants);
        assertThat(grants)
                .isEqualTo(statuses.stream()
                        .limit(6)
                        .filter(status -> status == 201)
                        .count());
    }

    /**
     * A destruction racing packs of what it destroys: each pack either lists the object sealed or was refused
     * whole; no pack sealed some members and then failed.
     */
    @Test
    void packsRacingADestructionAreWholeOrNothing() throws Exception {
        UUID run = post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Basement flood"));
        UUID first = Evidence.uploadFor(operator, "x-emergency-run-id", run, "Photo 1");
        Evidence.uploadFor(operator, "x-emergency-run-id", run, "Photo 2");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> operator.post("/api/operator/emergency/runs/" + run + "/generate-record-pack", Map.of())
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        calls.add(() -> operator.delete("/api/evidence/" + first)
                .returnResult(String.class)
                .getStatus()
                .value());
        List<Integer> statuses = all(calls);

        assertThat(statuses).allMatch(status -> status < 500);
        long packs = count("SELECT count(*) FROM cc_emergency_run_record_packs WHERE run_id = '" + run + "'");
        assertThat(packs)
                .isEqualTo(statuses.stream()
                        .limit(4)
                        .filter(status -> status == 201)
                        .count());
        assertThat(count("SELECT count(*) FROM cc_evidence_bundles WHERE tenant_id = '" + tenant() + "'"))
                .isEqualTo(packs);
        assertThat(count("SELECT count(*) FROM cc_evidence_bundles WHERE tenant_id = '" + tenant()
                        + "' AND status <> 'sealed'"))
                .isZero();
    }

    /**
     * For each step in turn: the event store refuses that step's event for this tenant, the action answers 503
     * and leaves the tenant exactly as it was. With no fault, the action then succeeds, and every step's event is
     * there once.
     */
    private void everyStepFailsWhole(Supplier<ResponseSpec> action, String... stepEvents) {
        for (String step : stepEvents) {
            String before = footprint();
            inject(step);
            try {
                action.get()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .exists("Retry-After")
                        .expectBody()
                        .jsonPath("$.detail")
                        .value(detail -> assertThat((String) detail).doesNotContain("injected"));
            } finally {
                clear();
            }
            assertThat(footprint()).as("after a failure at %s", step).isEqualTo(before);
        }
        action.get().expectStatus().is2xxSuccessful();
        for (String step : stepEvents) {
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE tenant_id = '" + tenant()
                            + "' AND payload_type LIKE '%." + step + "'"))
                    .as(step)
                    .isPositive();
        }
    }

    /** Everything an action can leave: its events, audit and usage rows, and the read tables it writes. */
    private String footprint() {
        List<String> counts = new ArrayList<>();
        for (String table : List.of(
                "domain_event_entry",
                "cc_operator_events",
                "cc_usage_events",
                "cc_evidence_bundles",
                "cc_authority_access_grants",
                "cc_authority_access_scopes",
                "cc_authority_access_tokens",
                "cc_claim_dossiers",
                "cc_defense_packs",
                "cc_emergency_run_record_packs")) {
            counts.add(table + "=" + count("SELECT count(*) FROM " + table + " WHERE tenant_id = '" + tenant() + "'"));
        }
        counts.add("sealed="
                + count("SELECT count(*) FROM cc_evidence_objects WHERE tenant_id = '" + tenant()
                        + "' AND sealed_at IS NOT NULL"));
        counts.add("revoked="
                + count("SELECT count(*) FROM cc_authority_access_tokens WHERE tenant_id = '" + tenant()
                        + "' AND status = 'revoked'"));
        return String.join(", ", counts);
    }

    private void inject(String eventType) {
        // Named to run after the store's own triggers, which fill in the tenant.
        sql("CREATE OR REPLACE FUNCTION " + FAULT + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.tenant_id = '" + tenant() + "' AND NEW.payload_type LIKE '%." + eventType + "' THEN "
                + "RAISE EXCEPTION 'injected fault' USING ERRCODE = '55P03'; END IF; RETURN NEW; END $$");
        sql("CREATE TRIGGER " + FAULT + " BEFORE INSERT ON domain_event_entry FOR EACH ROW EXECUTE FUNCTION " + FAULT
                + "()");
    }

    private void clear() {
        sql("DROP TRIGGER IF EXISTS " + FAULT + " ON domain_event_entry");
    }

    private ResponseSpec share(UUID dossier) {
        return operator.post(
                "/api/operator/insurance/dossiers/" + dossier + "/share-authority",
                Map.of(
                        "grant_type",
                        "adjuster",
                        "title",
                        "Hail claim",
                        "expires_at",
                        Instant.now().plus(2, ChronoUnit.DAYS).toString()));
    }

    private UUID dossier() {
        UUID claim = claim();
        Evidence.uploadFor(operator, "x-claim-id", claim, "Roof");
        return post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of());
    }

    private UUID claim() {
        return post(
                "/api/insurance/claims",
                Map.of(
                        "claim_number",
                        "CLM-" + UUID.randomUUID(),
                        "policy_ref",
                        "POL-7",
                        "loss_date",
                        "2026-11-20",
                        "title",
                        "Hail damage"));
    }

    private UUID post(String path, Map<String, ?> body) {
        Map<?, ?> created = operator.post(path, body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    private UUID tenant() {
        return operator.tenant();
    }

    private static List<Integer> all(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : pool.invokeAll(calls)) {
                statuses.add(outcome.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }

    private static void sql(String statement) {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement()) {
            sql.execute(statement);
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
