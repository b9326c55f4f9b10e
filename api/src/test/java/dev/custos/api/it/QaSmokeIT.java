package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The QA smoke of the operator surface (P2.18-B.5): one full emergency run, a claim dossier and a defense pack,
 * driven through the operator endpoints only and opened in the portal as an adjuster would. Every operator action
 * leaves exactly one audit row, with its action key, subject and operator, in the order the actions were taken.
 */
class QaSmokeIT extends IntegrationTest {

    private static final String RUNS = "/api/operator/emergency/runs/";

    private final List<String> expectedRows = new ArrayList<>();
    private Caller operator;

    @Test
    void oneRunFromStartToHoldAndItsDossierAndDefensePackThroughThePortal() throws Exception {
        UUID individual = UUID.randomUUID();
        UUID tenant = createTenant(individual);
        operator = as(individual, tenant);
        for (String role : List.of("emergency_operator", "legal_operator", "insurance_operator")) {
            operator.assign(role, individual, null);
            expectedRows.add("role_assign");
        }
        UUID member = UUID.randomUUID();
        operator.addMember(member);

        // 1. Start a run. 2. Capture evidence for it.
        UUID run = id(
                created(operator.post(
                        RUNS + "start",
                        Map.of("run_type", "flood", "title", "Basement flood", "client_request_id", "smoke-1"))),
                "run_start",
                null);
        byte[] photo = ("flood photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UUID capture = capture(run, photo);

        // 3. Grant and revoke a scope.
        UUID scope = UUID.fromString((String) created(operator.post(
                        RUNS + run + "/grant-scope",
                        Map.of("grantee_individual_id", member, "scope_key", "site_access")))
                .get("scope_grant_id"));
        expectedRows.add("run_grant_scope " + run);
        ok(operator.post(RUNS + run + "/revoke-scope", Map.of("scope_grant_id", scope, "reason", "left the site")));
        expectedRows.add("run_revoke_scope " + run);

        // 4. Generate the record pack. 5. Export the playbook.
        Map<?, ?> pack = created(operator.post(RUNS + run + "/generate-record-pack", Map.of()));
        expectedRows.add("run_generate_record_pack " + run);
        assertThat(pack.get("status")).isEqualTo("sealed");
        Map<?, ?> playbook = ok(operator.post(RUNS + run + "/export-playbook", Map.of()));
        expectedRows.add("run_export_playbook " + run);
        assertThat(playbook.get("playbook_sha256")).isNotNull();

        // 6. Share with an authority. 7. Open the portal session. 8. Download the evidence and check its hash.
        String session = session(created(operator.post(RUNS + run + "/share-authority", share())));
        expectedRows.add("run_share_authority " + run);
        Shares.get(http(), session, "/p/authority/bundles/" + pack.get("id") + "/manifest")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.manifest_sha256")
                .isEqualTo(pack.get("manifest_sha256"));
        Map<?, ?> download = Shares.post(http(), session, "/p/authority/evidence/" + capture + "/download")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        HttpResponse<byte[]> bytes = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create((String) download.get("url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(Evidence.sha256(bytes.body())).isEqualTo(Evidence.sha256(photo));

        // 9. Resolve the run. 10. Hold it, and try to destroy a capture.
        ok(operator.post(RUNS + run + "/resolve", Map.of("resolution_note", "water pumped out")));
        expectedRows.add("run_resolve " + run);
        UUID hold = id(
                created(operator.post(
                        "/api/operator/legal/holds",
                        Map.of("title", "Flood litigation", "reason", "litigation expected"))),
                "hold_create",
                null);
        created(operator.post(
                "/api/operator/legal/holds/" + hold + "/targets",
                Map.of("target_type", "emergency_run", "target_id", run)));
        expectedRows.add("hold_add_target " + hold);
        operator.delete("/api/evidence/" + capture).expectStatus().isEqualTo(409);

        // 11. A dossier: assemble, export, share, open. A defense pack: the same.
        Map<?, ?> claim = created(operator.post(
                "/api/insurance/claims",
                Map.of(
                        "claim_number",
                        "CLM-SMOKE",
                        "policy_ref",
                        "POL-1",
                        "loss_date",
                        "2026-11-20",
                        "title",
                        "Basement flood")));
        ok(operator.post("/api/insurance/claims/" + claim.get("id") + "/evidence", Map.of("evidence_id", capture)));
        Map<?, ?> dossier =
                created(operator.post("/api/operator/insurance/claims/" + claim.get("id") + "/assemble", Map.of()));
        expectedRows.add("claim_assemble " + claim.get("id"));
        String dossiers = "/api/operator/insurance/dossiers/" + dossier.get("id");
        assertThat(ok(operator.post(dossiers + "/export", Map.of())).get("format"))
                .isEqualTo("bagit-zip");
        expectedRows.add("dossier_export " + dossier.get("id"));
        String dossierSession = session(created(operator.post(dossiers + "/share-authority", share())));
        expectedRows.add("dossier_share_authority " + dossier.get("id"));
        Shares.get(http(), dossierSession, "/p/authority/dossiers/" + dossier.get("id"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dossier_sha256")
                .isEqualTo(dossier.get("dossier_sha256"));

        Map<?, ?> dispute = created(
                operator.post("/api/disputes", Map.of("title", "Flood v. Landlord", "counterparty", "Landlord Ltd")));
        ok(operator.post(
                "/api/disputes/" + dispute.get("id") + "/materials",
                Map.of("material_type", "claim_dossier", "material_id", dossier.get("id"))));
        Map<?, ?> defense = created(
                operator.post("/api/operator/disputes/" + dispute.get("id") + "/assemble-defense-pack", Map.of()));
        expectedRows.add("dispute_assemble_defense_pack " + dispute.get("id"));
        String packs = "/api/operator/defense-packs/" + defense.get("id");
        assertThat(ok(operator.post(packs + "/export", Map.of())).get("format")).isEqualTo("bagit-zip");
        expectedRows.add("defense_pack_export " + defense.get("id"));
        String defenseSession = session(created(operator.post(packs + "/share-authority", share())));
        expectedRows.add("defense_pack_share_authority " + defense.get("id"));
        Shares.get(http(), defenseSession, "/p/authority/bundles/" + defense.get("bundle_id") + "/manifest")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.manifest_sha256")
                .isEqualTo(defense.get("pack_sha256"));
        Shares.get(http(), defenseSession, "/p/authority/evidence/" + capture)
                .expectStatus()
                .isOk();

        assertThat(auditRows(tenant, individual)).containsExactlyElementsOf(expectedRows);
    }

    /** The tenant's audit rows as "key subject" (subject left out of role rows), oldest first, all by the operator. */
    private List<String> auditRows(UUID tenant, UUID individual) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection sql = TestDatabase.superuser(databaseName());
                ResultSet found = sql.createStatement()
                        .executeQuery("SELECT action_key, subject_id, "
                                + "operator_individual_id FROM cc_operator_events WHERE tenant_id = '" + tenant
                                + "' ORDER BY occurred_at, created_at")) {
            while (found.next()) {
                assertThat(found.getObject("operator_individual_id")).isEqualTo(individual);
                String key = found.getString("action_key");
                rows.add(key.startsWith("role_") ? key : key + " " + found.getString("subject_id"));
            }
        }
        return rows;
    }

    private UUID id(Map<?, ?> answer, String actionKey, UUID subject) {
        UUID id = UUID.fromString((String) answer.get("id"));
        expectedRows.add(actionKey + " " + (subject == null ? id : subject));
        return id;
    }

    private UUID capture(UUID run, byte[] content) {
        return Evidence.uploadFor(operator, "x-emergency-run-id", run, "Flood photo", content);
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
                "Basement flood",
                "expires_at",
                Instant.now().plus(2, ChronoUnit.DAYS).toString());
    }

    private static Map<?, ?> created(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<?, ?> ok(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
