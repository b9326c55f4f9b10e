package dev.custos.query.emergency;

import dev.custos.events.emergency.EmergencyRunCaptureAttached;
import dev.custos.events.emergency.EmergencyRunRecordPackGenerated;
import dev.custos.events.emergency.EmergencyRunResolved;
import dev.custos.events.emergency.EmergencyRunScopeGranted;
import dev.custos.events.emergency.EmergencyRunScopeRevoked;
import dev.custos.events.emergency.EmergencyRunStarted;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the run tables in the command's transaction: the pipeline locates a run's circle here before it decides,
 * and a retried start finds its run by client request id. Every write is keyed, so a replay changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class EmergencyRunProjection {

    private static final String CAPTURE = "INSERT INTO cc_emergency_run_captures (run_id, evidence_id, tenant_id, "
            + "circle_id, attached_at, attached_by_individual_id) ";

    private final TenantWrites writes;

    EmergencyRunProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(EmergencyRunStarted event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_emergency_runs (id, tenant_id, circle_id, run_type, title, "
                                + "summary, status, client_request_id, started_at, started_by_individual_id) "
                                + "VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        event.runId(),
                        event.tenantId(),
                        event.circleId(),
                        event.runType(),
                        event.title(),
                        event.summary(),
                        event.clientRequestId(),
                        Timestamps.of(event.startedAt()),
                        event.startedByIndividualId());
    }

    @EventHandler
    void on(EmergencyRunResolved event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_emergency_runs SET status = 'resolved', resolved_at = ?, "
                                + "resolved_by_individual_id = ?, resolution_note = ? WHERE id = ?",
                        Timestamps.of(event.resolvedAt()),
                        event.resolvedByIndividualId(),
                        event.resolutionNote(),
                        event.runId());
    }

    @EventHandler
    void on(EmergencyRunScopeGranted event) {
        writes.as(event.tenantId())
                .update(
                        "INSERT INTO cc_emergency_run_scope_grants (id, tenant_id, run_id, "
                                + "circle_id, grantee_individual_id, scope_key, expires_at, granted_at, "
                                + "granted_by_individual_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                        event.scopeGrantId(),
                        event.tenantId(),
                        event.runId(),
                        event.circleId(),
                        event.granteeIndividualId(),
                        event.scopeKey(),
                        Timestamps.of(event.expiresAt()),
                        Timestamps.of(event.grantedAt()),
                        event.grantedByIndividualId());
    }

    @EventHandler
    void on(EmergencyRunScopeRevoked event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_emergency_run_scope_grants SET revoked_at = ?, "
                                + "revoked_by_individual_id = ?, revoke_reason = ? WHERE id = ?",
                        Timestamps.of(event.revokedAt()),
                        event.revokedByIndividualId(),
                        event.reason(),
                        event.scopeGrantId());
    }

    /** Evidence uploaded with {@code x-emergency-run-id} is a capture of the run from its capture on. */
    @EventHandler
    void on(EvidenceCaptured event) {
        if (event.emergencyRunId() == null) {
            return;
        }
        writes.as(event.tenantId())
                .update(
                        CAPTURE + "SELECT id, ?, tenant_id, circle_id, ?, ? FROM cc_emergency_runs "
                                + "WHERE id = ? ON CONFLICT DO NOTHING",
                        event.evidenceId(),
                        Timestamps.of(event.capturedAt()),
                        event.capturedByIndividualId(),
                        event.emergencyRunId());
    }

    @EventHandler
    void on(EmergencyRunCaptureAttached event) {
        writes.as(event.tenantId())
                .update(
                        CAPTURE + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        event.runId(),
                        event.evidenceId(),
                        event.tenantId(),
                        event.circleId(),
                        Timestamps.of(event.attachedAt()),
                        event.attachedByIndividualId());
    }

    /** The pack's bundle is the run's: a bundle made before bundles had circles is placed in it here too. */
    @EventHandler
    void on(EmergencyRunRecordPackGenerated event) {
        var jdbc = writes.as(event.tenantId());
        jdbc.update(
                "UPDATE cc_evidence_bundles SET circle_id = ? WHERE id = ? AND circle_id IS NULL",
                event.circleId(),
                event.bundleId());
        jdbc.update(
                "INSERT INTO cc_emergency_run_record_packs (bundle_id, tenant_id, run_id, "
                        + "circle_id, manifest_sha256, capture_count, generated_at, generated_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bundle_id) DO NOTHING",
                event.bundleId(),
                event.tenantId(),
                event.runId(),
                event.circleId(),
                event.manifestSha256(),
                event.captureCount(),
                Timestamps.of(event.generatedAt()),
                event.generatedByIndividualId());
    }
}
