package dev.custos.command.insurance;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.events.canonical.CanonicalJson;
import dev.custos.events.insurance.ClaimDossierAssembled;
import dev.custos.events.insurance.ClaimEvidenceAttached;
import dev.custos.events.insurance.InsuranceClaimOpened;
import dev.custos.events.time.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An insurance claim: its fields, the evidence attached to it and the dossiers assembled of it. A dossier is
 * decided here, bytes and hash, and never changes: what the claim gains later goes into the next dossier. The
 * stream grows with every attachment and dossier, so it is snapshotted.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class InsuranceClaim {

    @AggregateIdentifier
    private UUID claimId;

    private UUID tenantId;
    private UUID circleId;
    private String claimNumber;
    private String policyRef;
    private LocalDate lossDate;
    private String title;
    private Instant openedAt;
    private UUID openedBy;
    private Set<UUID> attachedEvidence = new LinkedHashSet<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ClaimState handle(OpenInsuranceClaim command, Clock clock) {
        require(command.claimId() != null && command.tenantId() != null, INVALID, "claim and tenant ids are required");
        require(command.lossDate() != null, INVALID, "loss_date is required");
        // A day's slack: the loss date is the policyholder's local date, which may be ahead of UTC.
        require(
                !command.lossDate()
                        .isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                .plusDays(1)),
                INVALID,
                "loss_date cannot be in the future");
        command.reach().requireActOn(command.circleId(), "circle");
        apply(new InsuranceClaimOpened(
                command.tenantId(),
                command.claimId(),
                command.circleId(),
                requireText(command.claimNumber(), "claim_number"),
                requireText(command.policyRef(), "policy_ref"),
                command.lossDate(),
                requireText(command.title(), "title"),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    /** Attaching what is already attached changes nothing: the claim answers as it is. */
    @CommandHandler
    ClaimState handle(AttachClaimEvidence command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(command.evidenceId() != null, INVALID, "evidence_id is required");
        Reach.requireSameCircle(circleId, command.evidenceCircleId(), "evidence");
        if (!attachedEvidence.contains(command.evidenceId())) {
            apply(new ClaimEvidenceAttached(
                    tenantId, claimId, circleId, command.evidenceId(), clock.instant(), command.requestedBy()));
        }
        return state();
    }

    @CommandHandler
    ClaimDossier handle(AssembleClaimDossier command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(
                command.dossierId() != null && command.evidence() != null,
                INVALID,
                "dossier id and evidence are required");
        // Stored with microseconds, as PostgreSQL keeps them, so the dossier's time and the row's are one value.
        Instant now = TimeRange.kept(clock.instant());
        String json = DossierDocument.write(
                tenantId, command.dossierId(), state(), command.evidence(), now, command.requestedBy());
        String sha256 = CanonicalJson.sha256Hex(json);
        List<UUID> evidenceIds =
                command.evidence().stream().map(DossierItem::id).toList();
        apply(new ClaimDossierAssembled(
                tenantId,
                claimId,
                circleId,
                command.dossierId(),
                json,
                sha256,
                evidenceIds,
                now,
                command.requestedBy()));
        return new ClaimDossier(command.dossierId(), claimId, json, sha256, now);
    }

    private void requireInTenant(UUID requestTenant, Reach reach) {
        require(tenantId.equals(requestTenant), NOT_FOUND, "no such claim");
        reach.requireActOn(circleId, "claim");
    }

    private ClaimState state() {
        return new ClaimState(claimId, circleId, claimNumber, policyRef, lossDate, title, openedAt, openedBy);
    }

    @EventSourcingHandler
    void on(InsuranceClaimOpened event) {
        claimId = event.claimId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        claimNumber = event.claimNumber();
        policyRef = event.policyRef();
        lossDate = event.lossDate();
        title = event.title();
        openedAt = event.openedAt();
        openedBy = event.openedByIndividualId();
    }

    @EventSourcingHandler
    void on(ClaimEvidenceAttached event) {
        attachedEvidence.add(event.evidenceId());
    }

    InsuranceClaim() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
