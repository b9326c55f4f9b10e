package dev.custos.query.portal;

import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.authority.AuthorityScopeAdded;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.dispute.DefensePackAssembled;
import dev.custos.events.dispute.DisputeMaterialAdded;
import dev.custos.events.emergency.EmergencyRunCaptureAttached;
import dev.custos.events.emergency.EmergencyRunRecordPackGenerated;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceBundleSealed;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.events.insurance.ClaimEvidenceAttached;
import dev.custos.events.insurance.InsuranceClaimOpened;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.query.ProcessingGroups;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps each grant's stored portal index ({@code cc_portal_grant_index}) in the transaction of every event that
 * can change it. Each handler names what its event writes in the tables the index is computed from: the object
 * whose row it writes, and both ends of every link it adds (a member and its bundle, evidence and its claim, run or
 * dispute, a hold target), because the hold rule walks links from either end. A grant's stored footprint names
 * everything its index read, so naming what changed is enough to find the grants to refresh.
 *
 * <p>Not here, on purpose: revocations and expiries of grants and tokens, and token issues and accesses. The index
 * never shows them; the portal re-checks the session on every read instead, so they count at once.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class PortalIndexProjection {

    private static final String GRANT = "authority_grant";
    private static final String HOLD = "legal_hold";

    private final PortalIndexRefresh refresh;

    PortalIndexProjection(PortalIndexRefresh refresh) {
        this.refresh = refresh;
    }

    private void touched(UUID tenantId, CustodyType kind, UUID id) {
        refresh.touched(tenantId, kind.key(), id);
    }

    @EventHandler
    void on(AuthorityGrantCreated event) {
        refresh.touched(event.tenantId(), GRANT, event.grantId());
    }

    @EventHandler
    void on(AuthorityScopeAdded event) {
        refresh.touched(event.tenantId(), GRANT, event.grantId());
    }

    /** A new object, and the run, claim or dispute it was captured for. */
    @EventHandler
    void on(EvidenceCaptured event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
        if (event.emergencyRunId() != null) {
            touched(event.tenantId(), CustodyType.EMERGENCY_RUN, event.emergencyRunId());
        }
        if (event.claimId() != null) {
            touched(event.tenantId(), CustodyType.CLAIM, event.claimId());
        }
        if (event.disputeId() != null) {
            touched(event.tenantId(), CustodyType.DISPUTE, event.disputeId());
        }
    }

    @EventHandler
    void on(EvidenceSealed event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
    }

    @EventHandler
    void on(EvidenceIntegrityChecked event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
    }

    @EventHandler
    void on(EvidenceDestroyed event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
    }

    @EventHandler
    void on(EvidenceBundleCreated event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_BUNDLE, event.bundleId());
        event.evidenceIds().forEach(member -> touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, member));
    }

    @EventHandler
    void on(EvidenceBundleSealed event) {
        touched(event.tenantId(), CustodyType.EVIDENCE_BUNDLE, event.bundleId());
    }

    @EventHandler
    void on(InsuranceClaimOpened event) {
        touched(event.tenantId(), CustodyType.CLAIM, event.claimId());
    }

    @EventHandler
    void on(ClaimEvidenceAttached event) {
        touched(event.tenantId(), CustodyType.CLAIM, event.claimId());
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
    }

    @EventHandler
    void on(ClaimDossierAssembled event) {
        touched(event.tenantId(), CustodyType.CLAIM_DOSSIER, event.dossierId());
        touched(event.tenantId(), CustodyType.CLAIM, event.claimId());
        event.evidenceIds().forEach(evidence -> touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, evidence));
    }

    @EventHandler
    void on(EmergencyRunCaptureAttached event) {
        touched(event.tenantId(), CustodyType.EMERGENCY_RUN, event.runId());
        touched(event.tenantId(), CustodyType.EVIDENCE_OBJECT, event.evidenceId());
    }

    /** The pack's bundle becomes the run's, and may be placed in the run's circle. */
    @EventHandler
    void on(EmergencyRunRecordPackGenerated event) {
        touched(event.tenantId(), CustodyType.EMERGENCY_RUN, event.runId());
        touched(event.tenantId(), CustodyType.EVIDENCE_BUNDLE, event.bundleId());
    }

    @EventHandler
    void on(DisputeMaterialAdded event) {
        touched(event.tenantId(), CustodyType.DISPUTE, event.disputeId());
        refresh.touched(event.tenantId(), event.materialType(), event.materialId());
    }

    /** The pack's bundle becomes the dispute's, and may be placed in the dispute's circle. */
    @EventHandler
    void on(DefensePackAssembled event) {
        touched(event.tenantId(), CustodyType.DISPUTE, event.disputeId());
        touched(event.tenantId(), CustodyType.EVIDENCE_BUNDLE, event.bundleId());
    }

    // A hold placed has no targets yet, so it changes no grant's index: only its targets (added one by one) and its
    // release (which stands for all of them) do. Naming it would cost every new hold the tenant's index lock.

    @EventHandler
    void on(LegalHoldTargetAdded event) {
        refresh.touched(event.tenantId(), event.targetType(), event.targetId());
    }

    @EventHandler
    void on(LegalHoldReleased event) {
        refresh.touched(event.tenantId(), HOLD, event.holdId());
    }
}
