package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.blob.S3Endpoint;
import dev.custos.api.support.Bags;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.canonical.CanonicalJson;
import gov.loc.repository.bagit.domain.Bag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Insurance over HTTP: claims, their evidence, immutable dossiers and their shares, each refused without the role
 * (no row), invisible across tenants (404), and dossiers seen through the portal exactly as assembled.
 */
class InsuranceIT extends IntegrationTest {

    /** The contract's times: RFC 3339 in UTC, written with {@code Z}. */
    private static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    private static final String CLAIMS = "/api/insurance/claims";

    @Autowired
    S3Client s3;

    @Autowired
    S3Endpoint store;

    private Caller insurance;

    @BeforeEach
    void tenantWithAnInsuranceOperator() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("insurance_operator", operator, null);
        insurance = as(operator, tenant);
    }

    private Map<?, ?> open(String number) {
        return insurance
                .post(
                        CLAIMS,
                        Map.of(
                                "claim_number",
                                number,
                                "policy_ref",
                                "POL-7",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail damage"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private UUID openClaim() {
        return UUID.fromString((String) open("CLM-" + UUID.randomUUID()).get("id"));
    }

    private UUID uploadFor(UUID claim, String title) {
        return Evidence.uploadFor(insurance, "x-claim-id", claim, title);
    }

    private Map<?, ?> assemble(UUID claim) {
        return insurance
                .post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private long auditRows(String actionKey, UUID subject) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + insurance.tenant()
                        + "' AND action_key = '" + actionKey + "' AND subject_id = '" + subject + "'");
    }

    private static Map<String, Object> share() {
        return Map.of(
                "grant_type",
                "adjuster",
                "title",
                "Hail claim",
                "expires_at",
                Instant.now().plus(2, ChronoUnit.DAYS).toString());
    }

    @Test
    void aClaimIsOpenedOnceByItsNumberAndABadBodyChangesNothing() {
        Map<?, ?> claim = open("CLM-1");
        assertThat(claim.get("claim_number")).isEqualTo("CLM-1");
        assertThat(claim.get("loss_date")).isEqualTo("2026-11-20");
        assertThat(claim.get("evidence_count")).isEqualTo(0);
        insurance
                .post(
                        CLAIMS,
                        Map.of(
                                "claim_number",
                                "CLM-1",
                                "policy_ref",
                                "POL-8",
                                "loss_date",
                                "2026-11-21",
                                "title",
                                "Again"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/duplicate-claim-number")
                .jsonPath("$.title")
                .isEqualTo("The tenant already has a claim with this number");
        insurance
                .post(CLAIMS, Map.of("claim_number", "CLM-2", "policy_ref", "POL-8", "title", "No date"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("loss_date");
        insurance
                .post(
                        CLAIMS,
                        Map.of(
                                "claim_number",
                                "CLM-3",
                                "policy_ref",
                                "POL-8",
                                "loss_date",
                                "yesterday",
                                "title",
                                "Bad date"))
                .expectStatus()
                .isBadRequest();
        insurance
                .post(
                        CLAIMS,
                        Map.of(
                                "claim_number",
                                "CLM-4",
                                "policy_ref",
                                "POL-8",
                                "loss_date",
                                "2099-01-01",
                                "title",
                                "Future"))
                .expectStatus()
                .isBadRequest();
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_insurance_claims WHERE tenant_id = '" + insurance.tenant() + "'"))
                .isEqualTo(1);
    }

    @Test
    void evidenceBelongsToAClaimByUploadOrByAttachingItOnce() {
        UUID claim = openClaim();
        uploadFor(claim, "Roof photo");
        UUID report = Evidence.uploadId(insurance, "Surveyor report");
        String attach = CLAIMS + "/" + claim + "/evidence";
        insurance
                .post(attach, Map.of("evidence_id", report))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.evidence_count")
                .isEqualTo(2);
        insurance
                .post(attach, Map.of("evidence_id", report))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.evidence_count")
                .isEqualTo(2);
        insurance
                .post(attach, Map.of("evidence_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        insurance
                .post(attach, Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("evidence_id");
        // An upload naming a claim that is not the tenant's stores nothing.
        long before = TestDatabase.count(databaseName(), "SELECT count(*) FROM cc_evidence_objects");
        insurance
                .http()
                .post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(insurance.individual()));
                    h.set("x-tenant-id", insurance.tenant().toString());
                    h.set("x-evidence-title", "Photo");
                    h.set("x-claim-id", UUID.randomUUID().toString());
                })
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue(new byte[] {1, 2, 3})
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(TestDatabase.count(databaseName(), "SELECT count(*) FROM cc_evidence_objects"))
                .isEqualTo(before);
    }

    @Test
    void aDossierIsCanonicalSealsItsEvidenceAndNeverChanges() throws Exception {
        UUID claim = openClaim();
        UUID photo = uploadFor(claim, "Roof photo");
        Map<?, ?> first = assemble(claim);
        String json = (String) first.get("dossier_json");
        assertThat(first.get("dossier_sha256")).isEqualTo(CanonicalJson.sha256Hex(json));
        assertThat(first.get("claim_id")).isEqualTo(claim.toString());
        Map<?, ?> document = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(((Map<?, ?>) document.get("claim")).get("policy_ref")).isEqualTo("POL-7");
        List<?> items = (List<?>) document.get("evidence");
        assertThat(items).hasSize(1);
        Map<?, ?> photoSummary = insurance
                .get("/api/evidence/" + photo)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(photoSummary.get("chain_status")).isEqualTo("sealed");
        assertThat(((Map<?, ?>) items.get(0)).get("content_sha256")).isEqualTo(photoSummary.get("content_sha256"));

        uploadFor(claim, "Second photo");
        Map<?, ?> second = assemble(claim);
        assertThat(second.get("id")).isNotEqualTo(first.get("id"));
        assertThat((List<?>) JsonMapper.builder()
                        .build()
                        .readValue((String) second.get("dossier_json"), Map.class)
                        .get("evidence"))
                .hasSize(2);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_claim_dossiers WHERE id = '" + first.get("id")
                                + "' AND dossier_json = '" + json.replace("'", "''") + "'"))
                .isEqualTo(1);
        assertThat(auditRows("claim_assemble", claim)).isEqualTo(2);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_usage_events WHERE tenant_id = '" + insurance.tenant()
                                + "' AND action_key = 'claim_assemble'"))
                .isEqualTo(2);
    }

    @Test
    void aSharedDossierListsItsFilesInTheOrderTheyWereCaptured() {
        UUID claim = openClaim();
        List<String> captured = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Six random ids fall in capture order by chance once in 720 runs: an id order would show.
            captured.add(uploadFor(claim, "Photo " + i).toString());
        }
        UUID dossierId = UUID.fromString((String) assemble(claim).get("id"));
        String url = (String) insurance
                .post("/api/operator/insurance/dossiers/" + dossierId + "/share-authority", share())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("share_url");
        String session = Shares.session(http(), url.substring(url.indexOf("#token=") + 7), null);

        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dossiers[0].evidence_ids")
                .isEqualTo(captured);
    }

    @Test
    void aSharedDossierShowsItsClaimAndExactlyTheEvidenceItLists() {
        UUID claim = openClaim();
        UUID photo = uploadFor(claim, "Roof photo");
        Map<?, ?> dossier = assemble(claim);
        UUID later = uploadFor(claim, "After the dossier");
        UUID dossierId = UUID.fromString((String) dossier.get("id"));

        Map<?, ?> shared = insurance
                .post("/api/operator/insurance/dossiers/" + dossierId + "/share-authority", share())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(auditRows("dossier_share_authority", dossierId)).isEqualTo(1);
        String url = (String) shared.get("share_url");
        String session = Shares.session(http(), url.substring(url.indexOf("#token=") + 7), null);

        Shares.get(http(), session, "/p/authority/dossiers/" + dossierId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dossier_json")
                .isEqualTo(dossier.get("dossier_json"))
                .jsonPath("$.dossier_sha256")
                .isEqualTo(dossier.get("dossier_sha256"))
                .jsonPath("$.claim_id")
                .isEqualTo(claim.toString());
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dossiers[0].dossier_id")
                .isEqualTo(dossierId.toString())
                .jsonPath("$.dossiers[0].evidence_ids")
                .isEqualTo(List.of(photo.toString()))
                .jsonPath("$.dossiers[0].assembled_at")
                .value(at -> assertThat(at).asString().matches(UTC_TIME))
                .jsonPath("$.grant.expires_at")
                .value(at -> assertThat(at).asString().matches(UTC_TIME))
                .jsonPath("$.claims[0].claim_id")
                .isEqualTo(claim.toString())
                .jsonPath("$.claims[0].claim_number")
                .exists()
                .jsonPath("$.evidence.length()")
                .isEqualTo(1)
                .jsonPath("$.evidence[0].id")
                .isEqualTo(photo.toString());
        Shares.get(http(), session, "/p/authority/evidence/" + photo)
                .expectStatus()
                .isOk();
        Shares.post(http(), session, "/p/authority/evidence/" + photo + "/download")
                .expectStatus()
                .isOk();
        Shares.get(http(), session, "/p/authority/evidence/" + later)
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/dossiers/" + UUID.randomUUID())
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anExportIsAValidBagOfTheDossierAndItsEvidence(@TempDir Path into) throws Exception {
        UUID claim = openClaim();
        UUID photo = uploadFor(claim, "Roof photo");
        Map<?, ?> dossier = assemble(claim);
        UUID dossierId = UUID.fromString((String) dossier.get("id"));

        Map<?, ?> export = insurance
                .post("/api/operator/insurance/dossiers/" + dossierId + "/export", Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) export.get("expires_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Bag bag = Bags.downloadAndValidate(export, into);
        assertThat(bag.getMetadata().get("Dossier-SHA256")).containsExactly((String) dossier.get("dossier_sha256"));
        assertThat(bag.getMetadata().get("Custos-Tenant-Id"))
                .containsExactly(insurance.tenant().toString());
        assertThat(bag.getMetadata().get("External-Identifier")).containsExactly("claim_dossier/" + dossierId);
        assertThat(Bags.data(bag, "dossier.json")).isEqualTo(dossier.get("dossier_json"));
        String photoSha = (String) insurance
                .get("/api/evidence/" + photo)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("content_sha256");
        assertThat(bag.getPayLoadManifests().iterator().next().getFileToChecksumMap())
                .containsValue(photoSha);
        assertThat(auditRows("dossier_export", dossierId)).isEqualTo(1);
        // The export is an event of its own, holding what was stored: its id, size and sha256, and no link.
        String exported = "SELECT count(*) FROM domain_event_entry WHERE payload_type = "
                + "'dev.custos.events.operator.PackExported' AND convert_from(payload, 'UTF8')::jsonb @> '"
                + "{\"packType\": \"claim_dossier\", \"packId\": \"" + dossierId + "\", \"exportId\": \""
                + export.get("export_id") + "\", \"bytes\": " + export.get("bytes") + ", \"sha256\": \""
                + export.get("sha256") + "\"}'";
        assertThat(TestDatabase.count(databaseName(), exported)).isEqualTo(1);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM domain_event_entry WHERE payload_type "
                                + "= 'dev.custos.events.operator.PackExported' AND position('X-Amz' in convert_from(payload, 'UTF8')) "
                                + "> 0"))
                .isZero();
        Map<?, ?> row = (Map<?, ?>) ((java.util.List<?>) insurance
                        .get("/api/operator/events?action_key=dossier_export")
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("events"))
                .get(0);
        Map<?, ?> payload = (Map<?, ?>) row.get("payload");
        assertThat(payload.get("export_id")).isEqualTo(export.get("export_id"));
        assertThat(payload.get("sha256")).isEqualTo(export.get("sha256"));

        // A blob that no longer matches its sha256 makes the export refuse, and nothing is on record.
        s3.putObject(
                put -> put.bucket(store.bucket()).key("tenants/" + insurance.tenant() + "/evidence/" + photo),
                RequestBody.fromBytes("altered".getBytes(StandardCharsets.UTF_8)));
        insurance
                .post("/api/operator/insurance/dossiers/" + dossierId + "/export", Map.of())
                .expectStatus()
                .isEqualTo(409);
        assertThat(auditRows("dossier_export", dossierId)).isEqualTo(1);
    }

    @Test
    void heldClaimsAndDossiersProtectTheirEvidenceAndARestrictingHoldEndsTheShare() {
        UUID claim = openClaim();
        UUID photo = uploadFor(claim, "Roof photo");
        UUID dossierId = UUID.fromString((String) assemble(claim).get("id"));
        Map<?, ?> shared = insurance
                .post("/api/operator/insurance/dossiers/" + dossierId + "/share-authority", share())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String url = (String) shared.get("share_url");
        String session = Shares.session(http(), url.substring(url.indexOf("#token=") + 7), null);
        Shares.get(http(), session, "/p/authority/evidence/" + photo)
                .expectStatus()
                .isOk();

        insurance.assign("legal_operator", insurance.individual(), null);
        Map<?, ?> hold = insurance
                .post(
                        "/api/operator/legal/holds",
                        Map.of("title", "Hail litigation", "reason", "litigation expected", "restrict_sharing", true))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String targets = "/api/operator/legal/holds/" + hold.get("id") + "/targets";
        insurance
                .post(targets, Map.of("target_type", "claim", "target_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        insurance
                .post(targets, Map.of("target_type", "claim_dossier", "target_id", dossierId))
                .expectStatus()
                .isCreated();
        insurance.delete("/api/evidence/" + photo).expectStatus().isEqualTo(409);
        Shares.get(http(), session, "/p/authority/dossiers/" + dossierId)
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/evidence/" + photo)
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dossiers.length()")
                .isEqualTo(0)
                .jsonPath("$.claims.length()")
                .isEqualTo(0)
                .jsonPath("$.evidence.length()")
                .isEqualTo(0);

        insurance
                .post("/api/operator/legal/holds/" + hold.get("id") + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();
        Shares.get(http(), session, "/p/authority/dossiers/" + dossierId)
                .expectStatus()
                .isOk();
        UUID loose = uploadFor(claim, "Not in a dossier");
        Map<?, ?> claimHold = insurance
                .post("/api/operator/legal/holds", Map.of("title", "Claim hold", "reason", "dispute"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        insurance
                .post(
                        "/api/operator/legal/holds/" + claimHold.get("id") + "/targets",
                        Map.of("target_type", "claim", "target_id", claim))
                .expectStatus()
                .isCreated();
        insurance.delete("/api/evidence/" + loose).expectStatus().isEqualTo(409);
        // Not restricting: the share goes on.
        Shares.get(http(), session, "/p/authority/dossiers/" + dossierId)
                .expectStatus()
                .isOk();
    }

    @Test
    void withoutTheRoleOrInAnotherTenantNothingHappensAndNothingIsOnRecord() {
        UUID claim = openClaim();
        UUID member = UUID.randomUUID();
        insurance.addMember(member);
        Caller noRole = as(member, insurance.tenant());
        noRole.post(CLAIMS, Map.of("claim_number", "X", "policy_ref", "P", "loss_date", "2026-11-20", "title", "x"))
                .expectStatus()
                .isForbidden();
        noRole.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isForbidden();

        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        other.assign("insurance_operator", stranger, null);
        other.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isNotFound();
        other.post(CLAIMS + "/" + claim + "/evidence", Map.of("evidence_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        UUID dossierId = UUID.fromString((String) assemble(claim).get("id"));
        other.post("/api/operator/insurance/dossiers/" + dossierId + "/share-authority", share())
                .expectStatus()
                .isNotFound();
        noRole.post("/api/operator/insurance/dossiers/" + dossierId + "/share-authority", share())
                .expectStatus()
                .isForbidden();

        UUID circle = insurance.circleWith(member, insurance.individual());
        insurance.assign("insurance_operator", member, circle);
        noRole.inCircle(circle)
                .post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                .expectStatus()
                .isForbidden();
        assertThat(auditRows("claim_assemble", claim)).isEqualTo(1);
        assertThat(auditRows("dossier_share_authority", dossierId)).isZero();
    }
}
