package dev.custos.api.dispute;

import dev.custos.api.access.Action;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.dispute.DisputeActions.OpenDisputeRequest;
import dev.custos.api.evidence.AttachableEvidence;
import dev.custos.api.evidence.SealedPacks;
import dev.custos.api.evidence.SealedPacks.Pack;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.command.dispute.AddDisputeMaterial;
import dev.custos.command.dispute.DefensePack;
import dev.custos.command.dispute.DisputeState;
import dev.custos.command.dispute.OpenDispute;
import dev.custos.command.dispute.RecordDefensePack;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.Timestamps;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.dispute.DisputeReader;
import dev.custos.query.dispute.DisputeView;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Opens disputes, adds their material and assembles their defense packs. */
@Component
class DisputeHandler {

    private final OperatorPipeline pipeline;
    private final OperatorActions gate;
    private final DisputeReader disputes;
    private final EvidenceReader evidence;
    private final SealedPacks packs;
    private final AttachableEvidence attachable;

    DisputeHandler(
            OperatorPipeline pipeline,
            OperatorActions gate,
            DisputeReader disputes,
            EvidenceReader evidence,
            SealedPacks packs,
            AttachableEvidence attachable) {
        this.pipeline = pipeline;
        this.gate = gate;
        this.disputes = disputes;
        this.evidence = evidence;
        this.packs = packs;
        this.attachable = attachable;
    }

    Mono<ServerResponse> open(ServerRequest request) {
        return pipeline.handle(DisputeActions.OPEN, request, action -> {
            OpenDisputeRequest body = action.body();
            return action.call(
                            new OpenDispute(
                                    action.subjectId(),
                                    action.tenantId(),
                                    action.acting().circleId(),
                                    body.title().strip(),
                                    body.counterparty().strip(),
                                    action.individualId(),
                                    action.acting().reach()),
                            DisputeState.class)
                    .map(state -> new DisputeView(
                            state.id(),
                            state.circleId(),
                            state.title(),
                            state.counterparty(),
                            Timestamps.asStored(state.openedAt()),
                            state.openedByIndividualId(),
                            0,
                            0));
        });
    }

    /**
     * The material must be the tenant's, visible from the dispute's circle and fit to rest a defense on: evidence
     * not destroyed, a bundle sealed (a dossier is immutable as assembled). Adding it again changes nothing.
     */
    Mono<ServerResponse> addMaterial(ServerRequest request) {
        return pipeline.handle(DisputeActions.ADD_MATERIAL, request, action -> {
            AddMaterialRequest body = action.body();
            return fit(action, body)
                    .flatMap(circle -> action.send(new AddDisputeMaterial(
                            action.subjectId(),
                            action.tenantId(),
                            body.materialType(),
                            body.materialId(),
                            circle.orElse(null),
                            action.individualId(),
                            action.acting().reach())))
                    .then(Mono.defer(() -> disputes.dispute(action.acting().scope(), action.subjectId())));
        });
    }

    /** Seals the evidence of every material into one bundle, and records it as the dispute's newest pack. */
    Mono<ServerResponse> assembleDefensePack(ServerRequest request) {
        return pipeline.handle(
                DisputeActions.ASSEMBLE,
                request,
                action -> disputes.dispute(action.acting().scope(), action.subjectId())
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such dispute")))
                        .flatMap(dispute -> evidence.disputeEvidence(
                                        action.acting().scope(), dispute.id())
                                .map(EvidenceView::id)
                                .collectList()
                                .flatMap(items -> action.atomically(steps -> {
                                    Pack pack = packs.seal(
                                            steps,
                                            action,
                                            action.acting().overContents(),
                                            "Defense pack: " + dispute.title(),
                                            items);
                                    return steps.call(
                                            new RecordDefensePack(
                                                    action.subjectId(),
                                                    action.tenantId(),
                                                    UUID.randomUUID(),
                                                    pack.bundleId(),
                                                    pack.manifestSha256(),
                                                    pack.members(),
                                                    action.individualId(),
                                                    action.acting().reach()),
                                            DefensePack.class);
                                }))));
    }

    /**
     * Visible from the dispute's circle (404 otherwise), and fit: live evidence, a sealed bundle, any dossier.
     * Answers the material's circle (empty: tenant-wide), for the dispute to check again.
     */
    private Mono<Optional<UUID>> fit(Action<AddMaterialRequest> action, AddMaterialRequest body) {
        UUID id = body.materialId();
        CustodyType type = body.custodyType();
        return switch (type) {
            case EVIDENCE_OBJECT ->
                attachable.find(action.acting(), id).map(found -> Optional.ofNullable(found.circleId()));
            case EVIDENCE_BUNDLE ->
                gate.addable(action.acting(), ObjectKind.EVIDENCE_BUNDLE, id)
                        .flatMap(located -> evidence.bundle(action.acting().scope(), id)
                                .filter(bundle -> "sealed".equals(bundle.status()))
                                .map(bundle -> Optional.ofNullable(located.circleId())))
                        .switchIfEmpty(Mono.error(() ->
                                ProblemException.refused(Refusal.NOT_SEALED, "only a sealed bundle is material")));
            default ->
                gate.addable(action.acting(), ObjectKind.of(type), id)
                        .map(located -> Optional.ofNullable(located.circleId()));
        };
    }
}
