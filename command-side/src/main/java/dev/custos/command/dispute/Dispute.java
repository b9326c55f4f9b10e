package dev.custos.command.dispute;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import dev.custos.events.dispute.DefensePackAssembled;
import dev.custos.events.dispute.DisputeMaterialAdded;
import dev.custos.events.dispute.DisputeOpened;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A dispute with a counterparty: the material it rests on and the defense packs made of it. Its stream grows with
 * every material and pack, so it is snapshotted.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Dispute {

    @AggregateIdentifier
    private UUID disputeId;

    private UUID tenantId;
    private UUID circleId;
    private String title;
    private String counterparty;
    private Instant openedAt;
    private UUID openedBy;
    private Set<String> materials = new LinkedHashSet<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    DisputeState handle(OpenDispute command, Clock clock) {
        require(
                command.disputeId() != null && command.tenantId() != null,
                INVALID,
                "dispute and tenant ids are required");
        command.reach().requireActOn(command.circleId(), "circle");
        apply(new DisputeOpened(
                command.tenantId(),
                command.disputeId(),
                command.circleId(),
                requireText(command.title(), "title"),
                requireText(command.counterparty(), "counterparty"),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    /** Adding what is already material changes nothing: the dispute answers as it is. */
    @CommandHandler
    DisputeState handle(AddDisputeMaterial command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(
                CustodyType.allows(Use.MATERIAL, command.materialType()),
                INVALID,
                "material_type is not a dispute material type");
        require(command.materialId() != null, INVALID, "material_id is required");
        Reach.requireSameCircle(circleId, command.materialCircleId(), command.materialType());
        if (!materials.contains(key(command.materialType(), command.materialId()))) {
            apply(new DisputeMaterialAdded(
                    tenantId,
                    disputeId,
                    circleId,
                    command.materialType(),
                    command.materialId(),
                    clock.instant(),
                    command.requestedBy()));
        }
        return state();
    }

    @CommandHandler
    DefensePack handle(RecordDefensePack command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(command.packId() != null && command.bundleId() != null, INVALID, "pack and bundle ids are required");
        String packSha256 = requireText(command.manifestSha256(), "manifest_sha256");
        apply(new DefensePackAssembled(
                tenantId,
                disputeId,
                circleId,
                command.packId(),
                command.bundleId(),
                packSha256,
                command.evidenceCount(),
                clock.instant(),
                command.requestedBy()));
        return new DefensePack(command.packId(), disputeId, command.bundleId(), packSha256);
    }

    private void requireInTenant(UUID requestTenant, Reach reach) {
        require(tenantId.equals(requestTenant), NOT_FOUND, "no such dispute");
        reach.requireActOn(circleId, "dispute");
    }

    private DisputeState state() {
        return new DisputeState(disputeId, circleId, title, counterparty, openedAt, openedBy, materials.size());
    }

    private static String key(String type, UUID id) {
        return type + ":" + id;
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        title = event.title();
        counterparty = event.counterparty();
        openedAt = event.openedAt();
        openedBy = event.openedByIndividualId();
    }

    @EventSourcingHandler
    void on(DisputeMaterialAdded event) {
        materials.add(key(event.materialType(), event.materialId()));
    }

    Dispute() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
