package dev.custos.api.insurance;

import dev.custos.api.access.Action;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.authority.GrantService;
import dev.custos.api.export.BagExports;
import dev.custos.api.export.BagSource;
import dev.custos.api.export.EvidencePayload;
import dev.custos.api.problem.ProblemException;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.insurance.ClaimReader;
import dev.custos.query.insurance.DossierView;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** What is done with an assembled dossier: shared with an adjuster, exported as a bag. */
@Component
class DossierHandler {

    private final OperatorPipeline pipeline;
    private final GrantService sharing;
    private final ClaimReader claims;
    private final EvidenceReader evidence;
    private final BagExports exports;

    DossierHandler(
            OperatorPipeline pipeline,
            GrantService sharing,
            ClaimReader claims,
            EvidenceReader evidence,
            BagExports exports) {
        this.pipeline = pipeline;
        this.sharing = sharing;
        this.claims = claims;
        this.evidence = evidence;
        this.exports = exports;
    }

    /** One grant of the dossier's circle, scoped to the dossier (and so to the evidence it lists), and one token. */
    Mono<ServerResponse> share(ServerRequest request) {
        return pipeline.handle(
                InsuranceActions.SHARE,
                request,
                action -> sharing.share(action, action.body(), CustodyType.CLAIM_DOSSIER, action.subjectId()));
    }

    /**
     * A bag of the dossier's exact bytes ({@code data/dossier.json}) and of every live item it lists. The export is
     * put on record (and billed) once the bag is stored: a failed export is neither.
     */
    Mono<ServerResponse> export(ServerRequest request) {
        return pipeline.handle(
                InsuranceActions.EXPORT,
                request,
                action -> exports.export(
                        action,
                        dossier(action)
                                .flatMap(dossier -> evidence.dossierEvidence(
                                                action.acting().scope(), dossier.id())
                                        .collectList()
                                        .map(items -> new BagSource(
                                                action.tenantId(),
                                                "claim_dossier",
                                                dossier.id(),
                                                "Dossier-SHA256",
                                                dossier.dossierSha256(),
                                                "dossier.json",
                                                dossier.dossierJson().getBytes(StandardCharsets.UTF_8),
                                                EvidencePayload.of(items))))));
    }

    private Mono<DossierView> dossier(Action<?> action) {
        return claims.dossier(action.acting().scope(), action.subjectId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such dossier")));
    }
}
