package dev.custos.query.insurance;

import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.events.insurance.ClaimEvidenceAttached;
import dev.custos.events.insurance.InsuranceClaimOpened;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the claim tables in the command's transaction: the pipeline locates a claim's or dossier's circle here
 * before it decides, and the unique claim number refuses a second claim with it. Every write is keyed, so a replay
 * changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class InsuranceProjection {

    private final TenantWrites writes;

    InsuranceProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(InsuranceClaimOpened event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_insurance_claims (id, tenant_id, circle_id, claim_number, "
                                + "policy_ref, loss_date, title, opened_at, opened_by_individual_id) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        event.claimId(),
                        event.tenantId(),
                        event.circleId(),
                        event.claimNumber(),
                        event.policyRef(),
                        Timestamps.of(event.lossDate()),
                        event.title(),
                        Timestamps.of(event.openedAt()),
                        event.openedByIndividualId());
    }

    @EventHandler
    void on(ClaimEvidenceAttached event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_claim_evidence (claim_id, evidence_id, tenant_id, circle_id, "
                                + "attached_at, attached_by_individual_id) VALUES (?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (claim_id, evidence_id) DO NOTHING",
                        event.claimId(),
                        event.evidenceId(),
                        event.tenantId(),
                        event.circleId(),
                        Timestamps.of(event.attachedAt()),
                        event.attachedByIndividualId());
    }

    /** Evidence uploaded with {@code x-claim-id} belongs to the claim from its capture on. */
    @EventHandler
    void on(EvidenceCaptured event) {
        if (event.claimId() == null) {
            return;
        }
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_claim_evidence (claim_id, evidence_id, tenant_id, circle_id, "
                                + "attached_at, attached_by_individual_id) "
                                + "SELECT id, ?, tenant_id, circle_id, ?, ? FROM cc_insurance_claims WHERE id = ? "
                                + "ON CONFLICT (claim_id, evidence_id) DO NOTHING",
                        event.evidenceId(),
                        Timestamps.of(event.capturedAt()),
                        event.capturedByIndividualId(),
                        event.claimId());
    }

    @EventHandler
    void on(ClaimDossierAssembled event) {
        var jdbc = writes.as(event.tenantId());
        jdbc.update(
                "INSERT INTO cc_claim_dossiers (id, tenant_id, claim_id, circle_id, dossier_json, dossier_sha256, "
                        + "evidence_count, assembled_at, assembled_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.dossierId(),
                event.tenantId(),
                event.claimId(),
                event.circleId(),
                event.dossierJson(),
                event.dossierSha256(),
                event.evidenceIds().size(),
                Timestamps.of(event.assembledAt()),
                event.assembledByIndividualId());
        for (var evidenceId : event.evidenceIds()) {
            jdbc.update(
                    "INSERT INTO cc_claim_dossier_evidence (dossier_id, evidence_id, tenant_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT (dossier_id, evidence_id) DO NOTHING",
                    event.dossierId(),
                    evidenceId,
                    event.tenantId());
        }
    }
}
