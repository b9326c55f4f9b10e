package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;

/**
 * One rule for "held", tried on every holdable type that exists: a {@code restrict_sharing} hold on the object ends a
 * live portal session's access to the evidence under it at once, the evidence cannot be destroyed while it holds,
 * and releasing the hold gives the same session its access back.
 */
class CustodyHoldsIT extends IntegrationTest {

    /** A live session that reads {@code evidenceId}, and the object of type {@code targetType} that covers it. */
    private record Shared(String session, UUID evidenceId, UUID targetId, String path) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"evidence_object", "evidence_bundle", "emergency_run", "claim", "claim_dossier",
            "dispute"})
    void aRestrictingHoldOnTheObjectEndsLiveAccessAndBlocksDestruction(String targetType) {
        UUID operator = UUID.randomUUID();
        Caller caller = as(operator, createTenant(operator));
        for (String role : new String[] {"emergency_operator", "insurance_operator", "legal_operator"}) {
            caller.assign(role, operator, null);
        }
        Shared shared = share(caller, targetType);
        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId()).expectStatus().isOk();
        Shares.get(http(), shared.session(), shared.path()).expectStatus().isOk();

        Map<?, ?> hold = caller.post("/api/operator/legal/holds", Map.of("title", "Hold on " + targetType,
                        "reason", "litigation expected", "restrict_sharing", true)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        caller.post("/api/operator/legal/holds/" + hold.get("id") + "/targets", Map.of("target_type", targetType,
                "target_id", shared.targetId())).expectStatus().isCreated();

        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId()).expectStatus()
                .isNotFound();
        Shares.post(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId() + "/download")
                .expectStatus().isNotFound();
        Shares.get(http(), shared.session(), shared.path()).expectStatus().isNotFound();
        Shares.get(http(), shared.session(), "/p/authority/index").expectStatus().isOk().expectBody()
                .jsonPath("$.evidence.length()").isEqualTo(0);
        caller.delete("/api/evidence/" + shared.evidenceId()).expectStatus().isEqualTo(409);

        caller.post("/api/operator/legal/holds/" + hold.get("id") + "/release", Map.of("reason", "settled"))
                .expectStatus().isOk();
        Shares.get(http(), shared.session(), "/p/authority/evidence/" + shared.evidenceId()).expectStatus().isOk();
        assertThat(Shares.eventTypes(caller, grantOf(caller))).contains("access_allowed");
    }

    private Shared share(Caller caller, String targetType) {
        return switch (targetType) {
            case "evidence_object" -> {
                UUID evidence = Evidence.sealed(caller, "Photo");
                yield new Shared(session(Shares.share(caller, inTwoDays(), null, null,
                        Map.of("evidence_object", evidence)).token().raw()), evidence, evidence,
                        "/p/authority/evidence/" + evidence);
            }
            case "evidence_bundle" -> {
                UUID evidence = Evidence.sealed(caller, "Photo");
                UUID bundle = Evidence.sealedBundle(caller, "Pack", evidence);
                yield new Shared(session(Shares.share(caller, inTwoDays(), null, null,
                        Map.of("evidence_bundle", bundle)).token().raw()), evidence, bundle,
                        "/p/authority/bundles/" + bundle + "/manifest");
            }
            case "emergency_run" -> {
                Map<?, ?> run = caller.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood",
                        "title", "Flood")).expectStatus().isCreated().expectBody(Map.class).returnResult()
                        .getResponseBody();
                UUID runId = UUID.fromString((String) run.get("id"));
                UUID evidence = Evidence.uploadFor(caller, "x-emergency-run-id", runId, "Photo");
                Map<?, ?> pack = caller.post("/api/operator/emergency/runs/" + runId + "/generate-record-pack",
                        Map.of()).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
                yield new Shared(session(shareUrl(caller, "/api/operator/emergency/runs/" + runId)), evidence, runId,
                        "/p/authority/bundles/" + pack.get("id") + "/manifest");
            }
            case "claim", "claim_dossier" -> {
                Map<?, ?> claim = caller.post("/api/insurance/claims", Map.of("claim_number", "CLM-1",
                        "policy_ref", "POL-7", "loss_date", "2026-11-20", "title", "Hail")).expectStatus()
                        .isCreated().expectBody(Map.class).returnResult().getResponseBody();
                UUID claimId = UUID.fromString((String) claim.get("id"));
                UUID evidence = Evidence.uploadFor(caller, "x-claim-id", claimId, "Photo");
                Map<?, ?> dossier = caller.post("/api/operator/insurance/claims/" + claimId + "/assemble", Map.of())
                        .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
                UUID dossierId = UUID.fromString((String) dossier.get("id"));
                yield new Shared(session(shareUrl(caller, "/api/operator/insurance/dossiers/" + dossierId)),
                        evidence, "claim".equals(targetType) ? claimId : dossierId,
                        "/p/authority/dossiers/" + dossierId);
            }
            case "dispute" -> {
                Map<?, ?> dispute = caller.post("/api/disputes", Map.of("title", "Smith v. Acme", "counterparty",
                        "Smith")).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
                UUID disputeId = UUID.fromString((String) dispute.get("id"));
                UUID evidence = Evidence.sealed(caller, "Contract");
                caller.post("/api/disputes/" + disputeId + "/materials", Map.of("material_type", "evidence_object",
                        "material_id", evidence)).expectStatus().isOk();
                Map<?, ?> pack = caller.post("/api/operator/disputes/" + disputeId + "/assemble-defense-pack",
                        Map.of()).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
                yield new Shared(session(shareUrl(caller, "/api/operator/defense-packs/" + pack.get("id"))),
                        evidence, disputeId, "/p/authority/bundles/" + pack.get("bundle_id") + "/manifest");
            }
            default -> throw new IllegalArgumentException(targetType);
        };
    }

    private UUID grantOf(Caller caller) {
        Map<?, ?> grants = caller.get("/api/authority/grants").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return UUID.fromString((String) ((Map<?, ?>) ((java.util.List<?>) grants.get("grants")).get(0)).get("id"));
    }

    private static String shareUrl(Caller caller, String object) {
        Map<?, ?> shared = caller.post(object + "/share-authority", Map.of("grant_type", "adjuster", "title",
                        "Shared", "expires_at", inTwoDays().toString())).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String url = (String) shared.get("share_url");
        return url.substring(url.indexOf("#token=") + 7);
    }

    private String session(String rawToken) {
        return Shares.session(http(), rawToken, null);
    }

    private static Instant inTwoDays() {
        return Instant.now().plus(2, ChronoUnit.DAYS);
    }
}
