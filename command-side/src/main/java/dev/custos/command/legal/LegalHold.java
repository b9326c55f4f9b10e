package dev.custos.command.legal;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A legal hold: what it covers, and whether it is still active. Released holds accept nothing more. */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class LegalHold {

    @AggregateIdentifier
    private UUID holdId;

    private UUID tenantId;
    private UUID circleId;
    private String title;
    private String reason;
    private boolean restrictSharing;
    private Instant placedAt;
    private UUID placedBy;
    private boolean released;
    private Instant releasedAt;
    private String releaseReason;
    private List<LegalHoldState.Target> targets = new ArrayList<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    LegalHoldState handle(PlaceLegalHold command, Clock clock) {
        require(command.holdId() != null && command.tenantId() != null, INVALID, "hold and tenant ids are required");
        command.reach().requireActOn(command.circleId(), "circle");
        apply(new LegalHoldPlaced(
                command.tenantId(),
                command.holdId(),
                command.circleId(),
                requireText(command.title(), "title"),
                requireText(command.reason(), "reason"),
                command.restrictSharing(),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    @CommandHandler
    LegalHoldState handle(AddLegalHoldTarget command, HoldRegistry holds, Clock clock) {
        requireActiveInTenant(command.tenantId(), command.reach());
        CustodyType targetType = CustodyType.of(Use.HOLD, command.targetType()).orElse(null);
        require(targetType != null, INVALID, "target_type is not a hold target type");
        require(command.targetId() != null, INVALID, "target_id is required");
        Reach.requireSameCircle(circleId, command.targetCircleId(), command.targetType());
        require(
                targets.stream()
                        .noneMatch(held -> held.targetType().equals(command.targetType())
                                && held.targetId().equals(command.targetId())),
                Refusal.TARGET_ALREADY_HELD,
                "the hold already covers this target");
        // Ordered against destructions in the tenant: the target is either still there, and then held before any
        // destruction can commit, or already destroyed, and then refused here.
        holds.serialize(tenantId);
        HoldRegistry.TargetState target = holds.targetState(tenantId, targetType, command.targetId());
        require(target != HoldRegistry.TargetState.ABSENT, NOT_FOUND, "no such " + command.targetType());
        require(
                target != HoldRegistry.TargetState.DESTROYED,
                Refusal.TARGET_DESTROYED,
                "the target was already destroyed");
        apply(new LegalHoldTargetAdded(
                tenantId,
                holdId,
                circleId,
                command.targetType(),
                command.targetId(),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    @CommandHandler
    LegalHoldState handle(ReleaseLegalHold command, Clock clock) {
        requireActiveInTenant(command.tenantId(), command.reach());
        apply(new LegalHoldReleased(
                tenantId,
                holdId,
                circleId,
                requireText(command.reason(), "reason"),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    private void requireActiveInTenant(UUID requestTenant, Reach reach) {
        require(tenantId.equals(requestTenant), NOT_FOUND, "no such legal hold");
        reach.requireActOn(circleId, "legal hold");
        require(!released, Refusal.ALREADY_RELEASED, "the hold is already released");
    }

    /** Targets in a stable order: by time added, then type and id. */
    private LegalHoldState state() {
        List<LegalHoldState.Target> listed = targets.stream()
                .sorted(Comparator.comparing(LegalHoldState.Target::addedAt)
                        .thenComparing(LegalHoldState.Target::targetType)
                        .thenComparing(LegalHoldState.Target::targetId))
                .toList();
        return new LegalHoldState(
                holdId,
                circleId,
                title,
                reason,
                restrictSharing,
                released ? "released" : "active",
                placedAt,
                placedBy,
                releasedAt,
                releaseReason,
                listed);
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        holdId = event.holdId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        title = event.title();
        reason = event.reason();
        restrictSharing = event.restrictSharing();
        placedAt = event.placedAt();
        placedBy = event.placedByIndividualId();
    }

    @EventSourcingHandler
    void on(LegalHoldTargetAdded event) {
        targets.add(new LegalHoldState.Target(event.targetType(), event.targetId(), event.addedAt()));
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        released = true;
        releasedAt = event.releasedAt();
        releaseReason = event.reason();
    }

    LegalHold() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
