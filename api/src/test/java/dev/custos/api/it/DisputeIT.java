package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Bags;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.canonical.CanonicalJson;
import gov.loc.repository.bagit.domain.Bag;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * Disputes over HTTP: materials of every kind, the defense pack sealed over all of their evidence, its export and
 * its share; refusals change nothing and write no row, other tenants' ids are 404, and a held dispute protects its
 * evidence.
 */
class DisputeIT extends IntegrationTest {

    private Caller legal;

    @BeforeEach
    void tenantWithALegalOperator() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        for (String role : List.of("legal_operator", "insurance_operator")) {
            as(operator, tenant).assign(role, operator, null);
        }
        legal = as(operator, tenant);
    }

    private UUID openDispute() {
        Map<?, ?> dispute = legal.post(
                        "/api/disputes", Map.of("title", "Smith v. Acme", "counterparty", "Smith Roofing Ltd"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(dispute.get("counterparty")).isEqualTo("Smith Roofing Ltd");
        return UUID.fromString((String) dispute.get("id"));
    }

    private String materials(UUID dispute) {
        return "/api/disputes/" + dispute + "/materials";
    }

    private long auditRows(String actionKey, UUID subject) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + legal.tenant() + "' AND action_key = '"
                        + actionKey + "' AND subject_id = '" + subject + "'");
    }

    private UUID uploadFor(UUID dispute) {
        return Evidence.uploadFor(legal, "x-dispute-id", dispute, "Letter");
    }

    /** A claim with one piece of evidence, and its dossier: answers {dossier id, the evidence id}. */
    private UUID[] dossier() {
        Map<?, ?> claim = legal.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-" + UUID.randomUUID(),
                                "policy_ref",
                                "POL-1",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID photo = Evidence.uploadId(legal, "Roof photo");
        legal.post("/api/insurance/claims/" + claim.get("id") + "/evidence", Map.of("evidence_id", photo))
                .expectStatus()
                .isOk();
        Map<?, ?> dossier = legal.post("/api/operator/insurance/claims/" + claim.get("id") + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return new UUID[] {UUID.fromString((String) dossier.get("id")), photo};
    }

    @Test
    void materialsOfEveryKindMakeOneSealedDefensePack(@TempDir Path into) throws Exception {
        UUID dispute = openDispute();
        UUID letter = uploadFor(dispute);
        UUID contract = Evidence.uploadId(legal, "Contract");
        UUID invoice = Evidence.sealed(legal, "Invoice");
        UUID bundle = Evidence.sealedBundle(legal, "Invoices", invoice);
        UUID[] dossier = dossier();
        legal.post(materials(dispute), Map.of("material_type", "evidence_object", "material_id", contract))
                .expectStatus()
                .isOk();
        legal.post(materials(dispute), Map.of("material_type", "evidence_object", "material_id", contract))
                .expectStatus()
                .isOk();
        legal.post(materials(dispute), Map.of("material_type", "evidence_bundle", "material_id", bundle))
                .expectStatus()
                .isOk();
        legal.post(materials(dispute), Map.of("material_type", "claim_dossier", "material_id", dossier[0]))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.material_count")
                .isEqualTo(4);

        Map<?, ?> pack = legal.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(pack.get("dispute_id")).isEqualTo(dispute.toString());
        Map<?, ?> sealed = legal.post("/api/evidence/bundles/" + pack.get("bundle_id") + "/seal", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(sealed).isNotNull();
        assertThat(auditRows("dispute_assemble_defense_pack", dispute)).isEqualTo(1);
        UUID packId = UUID.fromString((String) pack.get("id"));

        Map<?, ?> export = legal.post("/api/operator/defense-packs/" + packId + "/export", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Bag bag = Bags.downloadAndValidate(export, into);
        assertThat(bag.getMetadata().get("Pack-SHA256")).containsExactly((String) pack.get("pack_sha256"));
        String manifest = Bags.data(bag, "manifest.json");
        assertThat(CanonicalJson.sha256Hex(manifest)).isEqualTo(pack.get("pack_sha256"));
        for (UUID member : List.of(letter, contract, invoice, dossier[1])) {
            assertThat(manifest).contains(member.toString());
        }
        // The four evidence objects, and the manifest itself.
        assertThat(bag.getPayLoadManifests().iterator().next().getFileToChecksumMap())
                .hasSize(5);
        assertThat(auditRows("defense_pack_export", packId)).isEqualTo(1);

        Map<?, ?> shared = legal.post(
                        "/api/operator/defense-packs/" + packId + "/share-authority",
                        Map.of(
                                "grant_type",
                                "legal",
                                "title",
                                "Defense",
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String url = (String) shared.get("share_url");
        String session = Shares.session(http(), url.substring(url.indexOf("#token=") + 7), null);
        Shares.get(http(), session, "/p/authority/bundles/" + pack.get("bundle_id") + "/manifest")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.manifest_sha256")
                .isEqualTo(pack.get("pack_sha256"));
        Shares.get(http(), session, "/p/authority/evidence/" + letter)
                .expectStatus()
                .isOk();
        assertThat(auditRows("defense_pack_share_authority", packId)).isEqualTo(1);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_usage_events WHERE tenant_id = '" + legal.tenant()
                                + "' AND action_key LIKE 'defense_pack_%'"))
                .isEqualTo(2);
    }

    @Test
    void materialMustBeTheTenantsFitAndOfAMaterialType() {
        UUID dispute = openDispute();
        legal.post(materials(dispute), Map.of("material_type", "evidence_object", "material_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        legal.post(materials(dispute), Map.of("material_type", "emergency_run", "material_id", UUID.randomUUID()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("material_type");
        UUID open = Evidence.uploadId(legal, "Open photo");
        Map<?, ?> bundle = legal.post("/api/evidence/bundles", Map.of("title", "Open", "evidence_ids", List.of(open)))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        legal.post(materials(dispute), Map.of("material_type", "evidence_bundle", "material_id", bundle.get("id")))
                .expectStatus()
                .isEqualTo(409);
        legal.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isEqualTo(409);
        assertThat(auditRows("dispute_assemble_defense_pack", dispute)).isZero();
        legal.http()
                .post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(legal.individual()));
                    h.set("x-tenant-id", legal.tenant().toString());
                    h.set("x-evidence-title", "Letter");
                    h.set("x-dispute-id", UUID.randomUUID().toString());
                })
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(new byte[] {1})
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aHeldDisputeProtectsItsMaterialsEvidence() {
        UUID dispute = openDispute();
        UUID contract = Evidence.uploadId(legal, "Contract");
        UUID letter = uploadFor(dispute);
        legal.post(materials(dispute), Map.of("material_type", "evidence_object", "material_id", contract))
                .expectStatus()
                .isOk();
        Map<?, ?> hold = legal.post("/api/operator/legal/holds", Map.of("title", "Smith", "reason", "litigation"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        legal.post(
                        "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                        Map.of("target_type", "dispute", "target_id", dispute))
                .expectStatus()
                .isCreated();
        legal.delete("/api/evidence/" + contract).expectStatus().isEqualTo(409);
        legal.delete("/api/evidence/" + letter).expectStatus().isEqualTo(409);
        UUID unrelated = Evidence.uploadId(legal, "Unrelated");
        legal.delete("/api/evidence/" + unrelated).expectStatus().isOk();
    }

    @Test
    void withoutTheRoleOrInAnotherTenantNothingHappensAndNothingIsOnRecord() {
        UUID dispute = openDispute();
        UUID contract = Evidence.sealed(legal, "Contract");
        legal.post(materials(dispute), Map.of("material_type", "evidence_object", "material_id", contract))
                .expectStatus()
                .isOk();
        UUID member = UUID.randomUUID();
        legal.addMember(member);
        Caller noRole = as(member, legal.tenant());
        noRole.post("/api/disputes", Map.of("title", "x", "counterparty", "y"))
                .expectStatus()
                .isForbidden();
        noRole.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isForbidden();
        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        other.assign("legal_operator", stranger, null);
        other.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isNotFound();
        Map<?, ?> pack = legal.post("/api/operator/disputes/" + dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        other.post("/api/operator/defense-packs/" + pack.get("id") + "/export", Map.of())
                .expectStatus()
                .isNotFound();
        noRole.post("/api/operator/defense-packs/" + pack.get("id") + "/export", Map.of())
                .expectStatus()
                .isForbidden();
        assertThat(auditRows("dispute_assemble_defense_pack", dispute)).isEqualTo(1);
        assertThat(auditRows("defense_pack_export", UUID.fromString((String) pack.get("id"))))
                .isZero();
    }
}
