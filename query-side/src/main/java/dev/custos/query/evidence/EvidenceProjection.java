package dev.custos.query.evidence;

import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.FactRow;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the evidence tables in the command's transaction, since holds and bundles are checked against them.
 * Inserts ignore rows already there and updates set the event's values, so replays change nothing; the status
 * updates only ever move forward (a destroyed object never becomes sealed again on replay).
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class EvidenceProjection {

    private final TenantWrites writes;

    EvidenceProjection(TenantWrites writes) {
        this.writes = writes;
    }

    /**
     * An object belongs to the circle its event names. Events stored before evidence had circles name none; such an
     * object belongs to the circle of the run, claim or dispute it was captured for, exactly as migration V24 placed
     * it, so a rebuild gives the same rows. A new capture for a container always names the container's circle, so
     * the fallback changes nothing for it.
     */
    @EventHandler
    void on(EvidenceCaptured event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_evidence_objects (id, tenant_id, circle_id, title, source_type, content_mime, "
                                + "content_bytes, content_sha256, occurred_at, captured_at, created_at, blob_key, "
                                + "emergency_run_id, claim_id, dispute_id, captured_by_individual_id, chain_status) "
                                + "VALUES (?, ?, coalesce(?::uuid, (SELECT circle_id FROM cc_emergency_runs WHERE id = ?), "
                                + "(SELECT circle_id FROM cc_insurance_claims WHERE id = ?), "
                                + "(SELECT circle_id FROM cc_disputes WHERE id = ?)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (id) DO NOTHING",
                        event.evidenceId(),
                        event.tenantId(),
                        event.circleId(),
                        event.emergencyRunId(),
                        event.claimId(),
                        event.disputeId(),
                        event.title(),
                        event.sourceType(),
                        event.contentMime(),
                        event.contentBytes(),
                        event.contentSha256(),
                        Timestamps.optional(event.occurredAt()),
                        Timestamps.of(event.capturedAt()),
                        Timestamps.of(event.capturedAt()),
                        event.blobKey(),
                        event.emergencyRunId(),
                        event.claimId(),
                        event.disputeId(),
                        event.capturedByIndividualId(),
                        EvidenceView.CHAIN_OPEN);
    }

    @EventHandler
    void on(EvidenceSealed event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_evidence_objects SET sealed_at = ?, "
                                + "chain_status = CASE WHEN chain_status = 'open' THEN 'sealed' ELSE chain_status END "
                                + "WHERE id = ?",
                        Timestamps.of(event.sealedAt()),
                        event.evidenceId());
    }

    @EventHandler
    void on(EvidenceIntegrityChecked event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_evidence_objects SET last_verified_at = ?, "
                                + "chain_status = CASE WHEN ? AND chain_status <> 'destroyed' THEN 'integrity_failed' "
                                + "ELSE chain_status END WHERE id = ?",
                        Timestamps.of(event.checkedAt()),
                        !event.intact(),
                        event.evidenceId());
    }

    @EventHandler
    void on(EvidenceDestroyed event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_evidence_objects SET chain_status = 'destroyed', destroyed_at = ? WHERE id = ?",
                        Timestamps.of(event.destroyedAt()),
                        event.evidenceId());
    }

    @EventHandler
    void on(EvidenceBundleCreated event) {
        var jdbc = writes.as(event.tenantId());
        jdbc.update(
                "INSERT INTO cc_evidence_bundles (id, tenant_id, circle_id, title, status, created_at, "
                        + "created_by_individual_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.bundleId(),
                event.tenantId(),
                event.circleId(),
                event.title(),
                BundleView.OPEN,
                Timestamps.of(event.createdAt()),
                event.createdByIndividualId());
        for (int position = 0; position < event.evidenceIds().size(); position++) {
            FactRow.into("cc_evidence_bundle_members")
                    .key("bundle_id", event.bundleId())
                    .key("evidence_id", event.evidenceIds().get(position))
                    .value("tenant_id", event.tenantId())
                    .value("position", position)
                    .insert(jdbc);
        }
    }

    @EventHandler
    void on(EvidenceBundleSealed event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_evidence_bundles SET status = 'sealed', manifest_json = ?, "
                                + "manifest_sha256 = ?, sealed_at = ? WHERE id = ?",
                        event.manifestJson(),
                        event.manifestSha256(),
                        Timestamps.of(event.sealedAt()),
                        event.bundleId());
    }
}
