package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import dev.custos.events.custody.CustodyType;
import java.util.Map;
import java.util.UUID;

/**
 * One object of each custody type, made through the API with evidence under it. The switch has no default: a type
 * added to the catalogue fails to compile here until the tests can make one.
 */
public final class CustodyObjects {

    /**
     * An object, the evidence it covers, the operator path whose {@code /share-authority} shares it (null: shared by
     * a grant scoped to the object itself), and the portal path that shows it once shared.
     */
    public record Made(CustodyType type, UUID id, UUID evidenceId, String sharePath, String portalPath) {}

    private CustodyObjects() {}

    /** Needs a caller with the emergency, insurance and legal operator roles. */
    public static Made make(Caller caller, CustodyType type) {
        return switch (type) {
            case EVIDENCE_OBJECT -> {
                UUID evidence = Evidence.sealed(caller, "Photo");
                yield new Made(type, evidence, evidence, null, "/p/authority/evidence/" + evidence);
            }
            case EVIDENCE_BUNDLE -> {
                UUID evidence = Evidence.sealed(caller, "Photo");
                UUID bundle = Evidence.sealedBundle(caller, "Pack", evidence);
                yield new Made(type, bundle, evidence, null, "/p/authority/bundles/" + bundle + "/manifest");
            }
            case EMERGENCY_RUN -> {
                UUID runId = id(
                        caller.post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Flood"))
                                .expectStatus()
                                .isCreated()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody());
                UUID evidence = Evidence.uploadFor(caller, "x-emergency-run-id", runId, "Photo");
                UUID pack = id(caller.post("/api/operator/emergency/runs/" + runId + "/generate-record-pack", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody());
                yield new Made(
                        type,
                        runId,
                        evidence,
                        "/api/operator/emergency/runs/" + runId,
                        "/p/authority/bundles/" + pack + "/manifest");
            }
            case CLAIM, CLAIM_DOSSIER -> {
                UUID claimId = id(caller.post(
                                "/api/insurance/claims",
                                Map.of(
                                        "claim_number",
                                        "CLM-1",
                                        "policy_ref",
                                        "POL-7",
                                        "loss_date",
                                        "2026-11-20",
                                        "title",
                                        "Hail"))
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody());
                UUID evidence = Evidence.uploadFor(caller, "x-claim-id", claimId, "Photo");
                UUID dossierId = id(caller.post("/api/operator/insurance/claims/" + claimId + "/assemble", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody());
                yield new Made(
                        type,
                        type == CustodyType.CLAIM ? claimId : dossierId,
                        evidence,
                        "/api/operator/insurance/dossiers/" + dossierId,
                        "/p/authority/dossiers/" + dossierId);
            }
            case DISPUTE -> {
                UUID disputeId =
                        id(caller.post("/api/disputes", Map.of("title", "Smith v. Acme", "counterparty", "Smith"))
                                .expectStatus()
                                .isCreated()
                                .expectBody(Map.class)
                                .returnResult()
                                .getResponseBody());
                UUID evidence = Evidence.sealed(caller, "Contract");
                caller.post(
                                "/api/disputes/" + disputeId + "/materials",
                                Map.of("material_type", "evidence_object", "material_id", evidence))
                        .expectStatus()
                        .isOk();
                Map<?, ?> pack = caller.post("/api/operator/disputes/" + disputeId + "/assemble-defense-pack", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
                yield new Made(
                        type,
                        disputeId,
                        evidence,
                        "/api/operator/defense-packs/" + pack.get("id"),
                        "/p/authority/bundles/" + pack.get("bundle_id") + "/manifest");
            }
        };
    }

    private static UUID id(Map<?, ?> body) {
        return UUID.fromString((String) body.get("id"));
    }
}
