package dev.custos.query.legal;

import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.FactRow;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Builds the hold tables in the command's transaction: destruction checks them before it may commit. */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class LegalHoldProjection {

    private final TenantWrites writes;

    LegalHoldProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(LegalHoldPlaced event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_legal_holds (id, tenant_id, circle_id, title, reason, restrict_sharing, status, "
                                + "created_at, created_by_individual_id) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?) "
                                + "ON CONFLICT (id) DO NOTHING",
                        event.holdId(),
                        event.tenantId(),
                        event.circleId(),
                        event.title(),
                        event.reason(),
                        event.restrictSharing(),
                        Timestamps.of(event.placedAt()),
                        event.placedByIndividualId());
    }

    @EventHandler
    void on(LegalHoldTargetAdded event) {
        FactRow.into("cc_legal_hold_targets")
                .key("hold_id", event.holdId())
                .key("target_type", event.targetType())
                .key("target_id", event.targetId())
                .value("tenant_id", event.tenantId())
                .value("added_at", Timestamps.of(event.addedAt()))
                .value("added_by_individual_id", event.addedByIndividualId())
                .insert(writes.as(event.tenantId()));
    }

    @EventHandler
    void on(LegalHoldReleased event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_legal_holds SET status = 'released', released_at = ?, "
                                + "released_by_individual_id = ?, release_reason = ? WHERE id = ?",
                        Timestamps.of(event.releasedAt()),
                        event.releasedByIndividualId(),
                        event.reason(),
                        event.holdId());
    }
}
