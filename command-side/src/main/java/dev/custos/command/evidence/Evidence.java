package dev.custos.command.evidence;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.command.legal.HoldRegistry;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.events.evidence.EvidenceDestroyed;
import dev.custos.events.evidence.EvidenceIntegrityChecked;
import dev.custos.events.evidence.EvidenceSealed;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One evidence object: its circle, its recorded hash, whether it is sealed, whether its stored bytes were ever found
 * altered, and whether it was destroyed. Sealed evidence is immutable; destroyed evidence accepts nothing more.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS)
class Evidence {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private UUID evidenceId;

    private UUID tenantId;
    private UUID circleId;
    private String contentSha256;
    private String blobKey;
    private boolean sealed;
    private boolean destroyed;

    /** Answers the capture as recorded: the new object is exactly its event, so the answer needs no read. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    EvidenceCaptured handle(CaptureEvidence command, Clock clock) {
        require(
                command.evidenceId() != null && command.tenantId() != null,
                INVALID,
                "evidence and tenant ids are required");
        require(
                command.contentSha256() != null
                        && SHA256_HEX.matcher(command.contentSha256()).matches(),
                INVALID,
                "content_sha256 must be a lower-case hex SHA-256");
        require(command.contentBytes() >= 0, INVALID, "content_bytes must not be negative");
        EvidenceCaptured captured = new EvidenceCaptured(
                command.tenantId(),
                command.evidenceId(),
                command.circleId(),
                requireText(command.title(), "title"),
                command.sourceType() == null || command.sourceType().isBlank()
                        ? "upload"
                        : command.sourceType().strip(),
                requireText(command.contentMime(), "content_type"),
                command.contentBytes(),
                command.contentSha256(),
                command.occurredAt(),
                clock.instant(),
                requireText(command.blobKey(), "blob_key"),
                command.emergencyRunId(),
                command.claimId(),
                command.disputeId(),
                command.requestedBy());
        apply(captured);
        return captured;
    }

    @CommandHandler
    void handle(SealEvidence command, Clock clock) {
        requireLiveInTenant(command.tenantId(), command.reach());
        require(!sealed, Refusal.ALREADY_SEALED, "the evidence is already sealed");
        apply(new EvidenceSealed(tenantId, evidenceId, clock.instant(), command.requestedBy()));
    }

    @CommandHandler
    void handle(EnsureEvidenceSealed command, Clock clock) {
        requireLiveInTenant(command.tenantId(), command.reach());
        if (!sealed) {
            apply(new EvidenceSealed(tenantId, evidenceId, clock.instant(), command.requestedBy()));
        }
    }

    @CommandHandler
    IntegrityCheck handle(CheckEvidenceIntegrity command, Clock clock) {
        requireLiveInTenant(command.tenantId(), command.reach());
        boolean intact = contentSha256.equals(command.computedSha256());
        apply(new EvidenceIntegrityChecked(
                tenantId,
                evidenceId,
                contentSha256,
                command.computedSha256(),
                intact,
                clock.instant(),
                command.requestedBy()));
        return new IntegrityCheck(intact, contentSha256, command.computedSha256());
    }

    /** Answers the blob key, for the caller to remove the bytes once the destruction is committed. */
    @CommandHandler
    String handle(DestroyEvidence command, HoldRegistry holds, Clock clock) {
        requireLiveInTenant(command.tenantId(), command.reach());
        // Taken in this transaction: a hold being placed right now either committed before (and is seen
        // below) or waits until this destruction has committed.
        holds.serialize(tenantId);
        require(
                !holds.covers(tenantId, evidenceId),
                Refusal.HOLD_COVERS_TARGET,
                "an active legal hold covers this evidence");
        apply(new EvidenceDestroyed(tenantId, evidenceId, blobKey, clock.instant(), command.requestedBy()));
        return blobKey;
    }

    /** Evidence of a circle is acted on from that circle; tenant-wide evidence by tenant-wide roles. */
    private void requireLiveInTenant(UUID requestTenant, Reach reach) {
        require(tenantId.equals(requestTenant), NOT_FOUND, "no such evidence");
        reach.requireActOn(circleId, "evidence");
        require(!destroyed, Refusal.TARGET_DESTROYED, "the evidence was destroyed");
    }

    @EventSourcingHandler
    void on(EvidenceCaptured event) {
        evidenceId = event.evidenceId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        contentSha256 = event.contentSha256();
        blobKey = event.blobKey();
    }

    @EventSourcingHandler
    void on(EvidenceSealed event) {
        sealed = true;
    }

    @EventSourcingHandler
    void on(EvidenceDestroyed event) {
        destroyed = true;
    }

    Evidence() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
