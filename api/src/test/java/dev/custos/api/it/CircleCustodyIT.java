package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.CircleWorld;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence and bundles belong to circles: the hostile test's reproductions, where a circle's captures and packs
 * reached the rest of the tenant, each performed over HTTP and refused. CO1 and CO2 hold all four roles in circles
 * C1 and C2 only; M0 is a member of no circle and holds no role; the founder holds tenant-wide roles and is in both.
 */
class CircleCustodyIT extends IntegrationTest {

    private final UUID founderId = UUID.randomUUID();
    private final UUID co1 = UUID.randomUUID();
    private final UUID co2 = UUID.randomUUID();
    private final UUID m0 = UUID.randomUUID();
    private UUID tenant;
    private UUID c1;
    private UUID c2;
    private Caller founder;
    private Caller inC1;
    private Caller inC2;

    /** C2's run with a capture and a record pack, and C2's dispute with a defense pack. */
    private UUID c2Run;

    private UUID c2Capture;
    private UUID c2RecordPack;
    private UUID c2DefensePackBundle;

    @BeforeEach
    void twoCircles() {
        tenant = createTenant(founderId);
        founder = as(founderId, tenant);
        for (UUID member : List.of(co1, co2, m0)) {
            founder.addMember(member);
        }
        c1 = founder.circleWith(founderId, co1);
        c2 = founder.circleWith(founderId, co2);
        for (String role : CircleWorld.ROLES) {
            founder.assign(role, co1, c1);
            founder.assign(role, co2, c2);
            if (!role.equals("platform_operator")) {
                founder.assign(role, founderId, null);
            }
        }
        inC1 = as(co1, tenant).inCircle(c1);
        inC2 = as(co2, tenant).inCircle(c2);

        c2Run = idOf(inC2.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "C2 flood"))
                .expectStatus()
                .isCreated());
        c2Capture = Evidence.uploadFor(
                as(co2, tenant),
                "x-emergency-run-id",
                c2Run,
                "C2 capture",
                "run bytes C2".getBytes(StandardCharsets.UTF_8));
        c2RecordPack = idOf(inC2.post("/api/operator/emergency/runs/" + c2Run + "/generate-record-pack", Map.of())
                .expectStatus()
                .isCreated());
        UUID c2Dispute = idOf(inC2.post("/api/disputes", Map.of("title", "C2 dispute", "counterparty", "Someone"))
                .expectStatus()
                .isCreated());
        UUID disputeCapture = Evidence.uploadFor(
                inC2,
                "x-dispute-id",
                c2Dispute,
                "C2 dispute capture",
                "dispute bytes C2".getBytes(StandardCharsets.UTF_8));
        inC2.post(
                        "/api/disputes/" + c2Dispute + "/materials",
                        Map.of("material_type", "evidence_object", "material_id", disputeCapture))
                .expectStatus()
                .isOk();
        Map<?, ?> pack = inC2.post("/api/operator/disputes/" + c2Dispute + "/assemble-defense-pack", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        c2DefensePackBundle = UUID.fromString((String) pack.get("bundle_id"));
    }

    @Test
    void aCirclesGrantCannotScopeAnotherCirclesPacksOrCaptures() {
        UUID c1Grant = grant(inC1);
        UUID founderC1Grant = grant(founder.inCircle(c1));

        for (Caller caller : List.of(inC1, founder.inCircle(c1))) {
            UUID grant = caller.equals(inC1) ? c1Grant : founderC1Grant;
            for (Map.Entry<String, UUID> scope : List.of(
                    Map.entry("evidence_bundle", c2DefensePackBundle),
                    Map.entry("evidence_bundle", c2RecordPack),
                    Map.entry("evidence_object", c2Capture))) {
                caller.post(
                                "/api/authority/grants/" + grant + "/scopes",
                                Map.of("scope_type", scope.getKey(), "scope_id", scope.getValue()))
                        .expectStatus()
                        .isNotFound();
            }
        }

        // A token on the grant opens nothing of C2 in the portal.
        String session = Shares.session(
                http(), Shares.token(founder.inCircle(c1), founderC1Grant, null).raw(), null);
        Map<?, ?> index = Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) index.get("bundles")).isEmpty();
        assertThat((List<?>) index.get("evidence")).isEmpty();
        Shares.get(http(), session, "/p/authority/bundles/" + c2DefensePackBundle + "/manifest")
                .expectStatus()
                .isNotFound();
        Shares.post(http(), session, "/p/authority/evidence/" + c2Capture + "/download")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anotherCirclesCaptureCannotBeAttachedHeldOrMadeMaterialFromACircle() {
        UUID c1Claim = idOf(inC1.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-C1",
                                "policy_ref",
                                "P",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "C1 claim"))
                .expectStatus()
                .isCreated());
        UUID c1Run =
                idOf(inC1.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "C1 flood"))
                        .expectStatus()
                        .isCreated());
        UUID c1Dispute = idOf(inC1.post("/api/disputes", Map.of("title", "C1", "counterparty", "Someone"))
                .expectStatus()
                .isCreated());
        UUID c1Hold = idOf(inC1.post("/api/operator/legal/holds", Map.of("title", "C1 hold", "reason", "r"))
                .expectStatus()
                .isCreated());

        for (Caller caller : List.of(inC1, founder.inCircle(c1))) {
            caller.post("/api/insurance/claims/" + c1Claim + "/evidence", Map.of("evidence_id", c2Capture))
                    .expectStatus()
                    .isNotFound();
            caller.post("/api/emergency/runs/" + c1Run + "/captures", Map.of("evidence_id", c2Capture))
                    .expectStatus()
                    .isNotFound();
            caller.post(
                            "/api/disputes/" + c1Dispute + "/materials",
                            Map.of("material_type", "evidence_object", "material_id", c2Capture))
                    .expectStatus()
                    .isNotFound();
            caller.post(
                            "/api/disputes/" + c1Dispute + "/materials",
                            Map.of("material_type", "evidence_bundle", "material_id", c2RecordPack))
                    .expectStatus()
                    .isNotFound();
            caller.post(
                            "/api/operator/legal/holds/" + c1Hold + "/targets",
                            Map.of("target_type", "evidence_object", "target_id", c2Capture))
                    .expectStatus()
                    .isNotFound();
            caller.post("/api/evidence/bundles", Map.of("title", "C1 bundle", "evidence_ids", List.of(c2Capture)))
                    .expectStatus()
                    .isNotFound();
        }

        // So the claim's dossier, and its bag, hold nothing of C2.
        Map<?, ?> dossier = inC1.post("/api/operator/insurance/claims/" + c1Claim + "/assemble", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) dossier.get("dossier_json")).doesNotContain(c2Capture.toString());
    }

    @Test
    void aMemberOutsideTheCircleSeesNoneOfItsEvidenceOrBundles() {
        Caller member = as(m0, tenant);
        member.get("/api/evidence/" + c2Capture).expectStatus().isNotFound();
        member.get("/api/evidence/bundles/" + c2RecordPack).expectStatus().isNotFound();
        member.get("/api/evidence/bundles/" + c2DefensePackBundle)
                .expectStatus()
                .isNotFound();
        as(co1, tenant)
                .inCircle(c1)
                .get("/api/evidence/" + c2Capture)
                .expectStatus()
                .isNotFound();

        // The circle's own members do see them, with a download link.
        Map<?, ?> seen = inC2.get("/api/evidence/" + c2Capture)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(seen.get("url")).isNotNull();
        inC2.get("/api/evidence/bundles/" + c2RecordPack).expectStatus().isOk();
        as(co2, tenant)
                .get("/api/evidence/bundles/" + c2DefensePackBundle)
                .expectStatus()
                .isOk();
    }

    @Test
    void anUploadBelongsToTheHeadersCircleOrToWhatItIsCapturedFor() {
        UUID inHeaderCircle = Evidence.uploadId(inC1, "C1 note");
        UUID tenantWide = Evidence.uploadId(as(co1, tenant), "Tenant note");

        as(m0, tenant).get("/api/evidence/" + inHeaderCircle).expectStatus().isNotFound();
        as(m0, tenant).get("/api/evidence/" + tenantWide).expectStatus().isOk();
        // A circle role acts on its own circle's evidence, and not on tenant-wide evidence.
        inC1.post("/api/evidence/" + inHeaderCircle + "/seal", Map.of())
                .expectStatus()
                .isOk();
        inC1.post("/api/evidence/" + tenantWide + "/seal", Map.of())
                .expectStatus()
                .isForbidden();
        inC2.post("/api/evidence/" + inHeaderCircle + "/seal", Map.of())
                .expectStatus()
                .isNotFound();

        // Captured for C2's run from C1's header: the run's circle wins, so C1 does not see it.
        UUID c2Run =
                idOf(inC2.post("/api/operator/emergency/runs/start", Map.of("run_type", "fire", "title", "C2 fire"))
                        .expectStatus()
                        .isCreated());
        UUID captured = Evidence.uploadFor(founder.inCircle(c1), "x-emergency-run-id", c2Run, "For C2");
        inC1.get("/api/evidence/" + captured).expectStatus().isNotFound();
        inC2.get("/api/evidence/" + captured).expectStatus().isOk();
    }

    @Test
    void aCirclesBundleTakesItsOwnAndTenantWideEvidenceAndIsSealedFromItsCircle() {
        UUID own = Evidence.sealed(inC1, "C1 sealed");
        UUID tenantWide = Evidence.sealed(founder, "Tenant sealed");
        UUID bundle = Evidence.sealedBundle(inC1, "C1 bundle", own, tenantWide);

        as(m0, tenant).get("/api/evidence/bundles/" + bundle).expectStatus().isNotFound();
        Map<?, ?> sealed = inC1.get("/api/evidence/bundles/" + bundle)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(sealed.get("status")).isEqualTo("sealed");
        // A circle role makes no tenant-wide bundle.
        as(co1, tenant)
                .post("/api/evidence/bundles", Map.of("title", "x", "evidence_ids", List.of(tenantWide)))
                .expectStatus()
                .isForbidden();
    }

    /** A scope added before evidence had circles, as a row of the old rules, shows nothing across the boundary. */
    @Test
    void thePortalShowsNothingOfAnotherCircleEvenThroughAScopeMadeBeforeTheRule() throws Exception {
        UUID c1Grant = grant(inC1);
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement scope = db.prepareStatement("INSERT INTO cc_authority_access_scopes (id, tenant_id, "
                        + "grant_id, scope_type, scope_id) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, UUID> added :
                    List.of(Map.entry("evidence_bundle", c2RecordPack), Map.entry("evidence_object", c2Capture))) {
                scope.setObject(1, UUID.randomUUID());
                scope.setObject(2, tenant);
                scope.setObject(3, c1Grant);
                scope.setString(4, added.getKey());
                scope.setObject(5, added.getValue());
                scope.executeUpdate();
            }
        }
        String session =
                Shares.session(http(), Shares.token(inC1, c1Grant, null).raw(), null);

        Map<?, ?> index = Shares.get(http(), session, "/p/authority/index")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) index.get("bundles")).isEmpty();
        assertThat((List<?>) index.get("evidence")).isEmpty();
        Shares.get(http(), session, "/p/authority/bundles/" + c2RecordPack + "/manifest")
                .expectStatus()
                .isNotFound();
        Shares.get(http(), session, "/p/authority/evidence/" + c2Capture)
                .expectStatus()
                .isNotFound();
        Shares.post(http(), session, "/p/authority/evidence/" + c2Capture + "/download")
                .expectStatus()
                .isNotFound();
    }

    /**
     * A capture stored before evidence had circles names none (revision 1). Read today it is placed in its run's
     * circle, by the projection as by migration V24, so a rebuild of the read tables keeps it out of sight of the
     * rest of the tenant. Its aggregate knows no circle, so only a tenant-wide role acts on it, as it always could.
     */
    @Test
    void aCaptureStoredBeforeCirclesIsPlacedInItsRunsCircleAlsoByARebuild() throws Exception {
        UUID legacy = UUID.randomUUID();
        String payload = "{\"tenantId\":\"" + tenant + "\",\"evidenceId\":\"" + legacy + "\",\"title\":\"Old capture\","
                + "\"sourceType\":\"upload\",\"contentMime\":\"text/plain\",\"contentBytes\":3,"
                + "\"contentSha256\":\"" + "a".repeat(64) + "\",\"occurredAt\":null,"
                + "\"capturedAt\":\"2026-11-20T08:00:00Z\",\"blobKey\":\"tenants/" + tenant + "/evidence/" + legacy
                + "\",\"emergencyRunId\":\"" + c2Run + "\",\"claimId\":null,\"disputeId\":null,"
                + "\"capturedByIndividualId\":\"" + co2 + "\"}";
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO domain_event_entry "
                                + "(event_identifier, payload, payload_revision, payload_type, time_stamp, aggregate_identifier, "
                                + "sequence_number, type, meta_data) VALUES (?, ?, '1', "
                                + "'dev.custos.events.evidence.EvidenceCaptured', '2026-11-20T08:00:00Z', ?, 0, 'Evidence', ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(2, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.setString(3, legacy.toString());
            insert.setBytes(4, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        http().mutate()
                .responseTimeout(java.time.Duration.ofSeconds(120))
                .build()
                .post()
                .uri("/api/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(dev.custos.api.support.Jwts.forAdmin(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isOk();

        as(m0, tenant).get("/api/evidence/" + legacy).expectStatus().isNotFound();
        inC1.get("/api/evidence/" + legacy).expectStatus().isNotFound();
        inC2.get("/api/evidence/" + legacy).expectStatus().isOk();
        inC2.post("/api/evidence/" + legacy + "/seal", Map.of()).expectStatus().isForbidden();
        founder.inCircle(c2)
                .post("/api/evidence/" + legacy + "/seal", Map.of())
                .expectStatus()
                .isOk();
        // The rebuild kept every other row where the live projections put it.
        as(m0, tenant).get("/api/evidence/" + c2Capture).expectStatus().isNotFound();
        as(m0, tenant)
                .get("/api/evidence/bundles/" + c2RecordPack)
                .expectStatus()
                .isNotFound();
    }

    private static UUID grant(Caller caller) {
        return idOf(caller.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "C1 share",
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .expectStatus()
                .isCreated());
    }

    private static UUID idOf(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) body.get("id"));
    }
}
