package dev.custos.api.insurance;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.evidence.AttachableEvidence;
import dev.custos.api.evidence.SealedPacks;
import dev.custos.api.insurance.InsuranceActions.OpenClaimRequest;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.command.insurance.AssembleClaimDossier;
import dev.custos.command.insurance.AttachClaimEvidence;
import dev.custos.command.insurance.ClaimDossier;
import dev.custos.command.insurance.ClaimState;
import dev.custos.command.insurance.DossierItem;
import dev.custos.command.insurance.OpenInsuranceClaim;
import dev.custos.query.Timestamps;
import dev.custos.query.evidence.CommittedEvidence.Member;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import dev.custos.query.insurance.ClaimReader;
import dev.custos.query.insurance.ClaimView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Opens claims, attaches their evidence and assembles their dossiers. */
@Component
class ClaimHandler {

    /** The read model's unique key on (tenant, claim number). */
    private static final String CLAIM_NUMBER_KEY = "cc_insurance_claims_number";

    private final OperatorPipeline pipeline;
    private final AttachableEvidence attachable;
    private final ClaimReader claims;
    private final EvidenceReader evidence;
    private final SealedPacks packs;

    ClaimHandler(
            OperatorPipeline pipeline,
            AttachableEvidence attachable,
            ClaimReader claims,
            EvidenceReader evidence,
            SealedPacks packs) {
        this.pipeline = pipeline;
        this.attachable = attachable;
        this.claims = claims;
        this.evidence = evidence;
        this.packs = packs;
    }

    /** A claim number names one claim of the tenant: a second claim with it is 409 (the read model's unique key). */
    Mono<ServerResponse> open(ServerRequest request) {
        return pipeline.handle(InsuranceActions.OPEN, request, action -> {
            OpenClaimRequest body = action.body();
            return action.call(
                            new OpenInsuranceClaim(
                                    action.subjectId(),
                                    action.tenantId(),
                                    action.acting().circleId(),
                                    body.claimNumber().strip(),
                                    body.policyRef().strip(),
                                    body.lossDate(),
                                    body.title().strip(),
                                    action.individualId(),
                                    action.acting().reach()),
                            ClaimState.class)
                    .onErrorMap(
                            failure -> ProblemException.isUniqueViolationOf(failure, CLAIM_NUMBER_KEY),
                            failure -> ProblemException.refused(
                                    Refusal.DUPLICATE_CLAIM_NUMBER, "the tenant already has a claim with this number"))
                    .map(ClaimHandler::view);
        });
    }

    /**
     * The evidence must be the tenant's, visible from the claim's circle, and not destroyed. Attaching it again
     * changes nothing. Answers the claim with its counts.
     */
    Mono<ServerResponse> attachEvidence(ServerRequest request) {
        return pipeline.handle(
                InsuranceActions.ATTACH_EVIDENCE,
                request,
                action -> attachable
                        .find(action.acting(), action.body().evidenceId())
                        .flatMap(found -> action.send(new AttachClaimEvidence(
                                action.subjectId(),
                                action.tenantId(),
                                found.id(),
                                found.circleId(),
                                action.individualId(),
                                action.acting().reach())))
                        .then(Mono.defer(() -> claims.claim(action.acting().scope(), action.subjectId()))));
    }

    /**
     * Seals the claim's open evidence, then has the claim decide the dossier over every live item. A claim with no
     * evidence still has a dossier: its fields are the record.
     */
    Mono<ServerResponse> assemble(ServerRequest request) {
        return pipeline.handle(
                InsuranceActions.ASSEMBLE,
                request,
                action -> evidence.claimEvidence(action.acting().scope(), action.subjectId())
                        .collectList()
                        .flatMap(items -> action.atomically(steps -> {
                            Set<UUID> live = packs
                                    .sealLive(
                                            steps,
                                            action,
                                            action.acting().overContents(),
                                            items.stream().map(EvidenceView::id).toList())
                                    .stream()
                                    .map(Member::id)
                                    .collect(Collectors.toSet());
                            return steps.call(
                                    new AssembleClaimDossier(
                                            action.subjectId(),
                                            action.tenantId(),
                                            UUID.randomUUID(),
                                            listed(items, live),
                                            action.individualId(),
                                            action.acting().reach()),
                                    ClaimDossier.class);
                        }))
                        .map(DossierAnswer::of));
    }

    /** The claim's items still there when the dossier was assembled, in the order the claim lists them. */
    private static List<DossierItem> listed(List<EvidenceView> items, Set<UUID> live) {
        return items.stream()
                .filter(item -> live.contains(item.id()))
                .map(item -> new DossierItem(
                        item.id(),
                        item.title(),
                        item.contentMime(),
                        item.contentBytes(),
                        item.contentSha256(),
                        item.capturedAt()))
                .toList();
    }

    /** A claim just opened, as the read model will show it. */
    private static ClaimView view(ClaimState state) {
        return new ClaimView(
                state.id(),
                state.circleId(),
                state.claimNumber(),
                state.policyRef(),
                state.lossDate(),
                state.title(),
                Timestamps.asStored(state.openedAt()),
                state.openedByIndividualId(),
                0,
                0);
    }

    /** A dossier as the contract shows it: {@code dossier_json} byte for byte as {@code dossier_sha256} hashed it. */
    public record DossierAnswer(UUID id, UUID claimId, String dossierJson, String dossierSha256, Instant assembledAt) {

        static DossierAnswer of(ClaimDossier dossier) {
            return new DossierAnswer(
                    dossier.id(),
                    dossier.claimId(),
                    dossier.dossierJson(),
                    dossier.dossierSha256(),
                    dossier.assembledAt());
        }
    }
}
