package dev.custos.query.dispute;

import dev.custos.events.dispute.DefensePackAssembled;
import dev.custos.events.dispute.DisputeMaterialAdded;
import dev.custos.events.dispute.DisputeOpened;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the dispute tables in the command's transaction: the pipeline locates a dispute's or a pack's circle here
 * before it decides, and the hold rule follows a dispute's materials. Every write is keyed, so a replay changes
 * nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class DisputeProjection {

    private static final String MATERIAL = "INSERT INTO cc_dispute_materials (dispute_id, material_type, material_id, "
            + "tenant_id, circle_id, added_at, added_by_individual_id) ";

    private final TenantWrites writes;

    DisputeProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(DisputeOpened event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_disputes (id, tenant_id, circle_id, title, counterparty, "
                                + "opened_at, opened_by_individual_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        event.disputeId(),
                        event.tenantId(),
                        event.circleId(),
                        event.title(),
                        event.counterparty(),
                        Timestamps.of(event.openedAt()),
                        event.openedByIndividualId());
    }

    @EventHandler
    void on(DisputeMaterialAdded event) {
        writes.as(event.tenantId())
                .update(
                        MATERIAL + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        event.disputeId(),
                        event.materialType(),
                        event.materialId(),
                        event.tenantId(),
                        event.circleId(),
                        Timestamps.of(event.addedAt()),
                        event.addedByIndividualId());
    }

    /** Evidence uploaded with {@code x-dispute-id} is the dispute's material from its capture on. */
    @EventHandler
    void on(EvidenceCaptured event) {
        if (event.disputeId() == null) {
            return;
        }
        writes.as(event.tenantId())
                .update(
                        MATERIAL + "SELECT id, 'evidence_object', ?, tenant_id, circle_id, ?, ? "
                                + "FROM cc_disputes WHERE id = ? ON CONFLICT DO NOTHING",
                        event.evidenceId(),
                        Timestamps.of(event.capturedAt()),
                        event.capturedByIndividualId(),
                        event.disputeId());
    }

    /** The pack's bundle is the dispute's: a bundle made before bundles had circles is placed in it here too. */
    @EventHandler
    void on(DefensePackAssembled event) {
        var jdbc = writes.as(event.tenantId());
        jdbc.update(
                "UPDATE cc_evidence_bundles SET circle_id = ? WHERE id = ? AND circle_id IS NULL",
                event.circleId(),
                event.bundleId());
        jdbc.update(
                "INSERT INTO cc_defense_packs (id, tenant_id, dispute_id, circle_id, "
                        + "bundle_id, pack_sha256, evidence_count, assembled_at, assembled_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.packId(),
                event.tenantId(),
                event.disputeId(),
                event.circleId(),
                event.bundleId(),
                event.packSha256(),
                event.evidenceCount(),
                Timestamps.of(event.assembledAt()),
                event.assembledByIndividualId());
    }
}
