package dev.custos.api.evidence;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.evidence.CreateEvidenceBundle;
import dev.custos.command.evidence.SealEvidenceBundle;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.evidence.EvidenceReader;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Bundles: creation from evidence of the tenant, sealing under a canonical manifest, reading. */
@Component
class BundleHandler {

    private final OperatorPipeline pipeline;
    private final EvidenceReader evidence;

    BundleHandler(OperatorPipeline pipeline, EvidenceReader evidence) {
        this.pipeline = pipeline;
        this.evidence = evidence;
    }

    /**
     * The members must be the tenant's (404), tenant-wide or of the bundle's circle (404: a circle's bundle never
     * takes in another circle's evidence, nor shows that it exists) and not destroyed (409). The aggregate decides
     * all three from the members as committed, inside the command's transaction.
     */
    Mono<ServerResponse> create(ServerRequest request) {
        return pipeline.handle(
                EvidenceActions.CREATE_BUNDLE,
                request,
                action -> action.call(
                                new CreateEvidenceBundle(
                                        action.subjectId(),
                                        action.tenantId(),
                                        action.acting().circleId(),
                                        action.body().title().strip(),
                                        action.body().evidenceIds(),
                                        action.individualId(),
                                        action.acting().reach()),
                                EvidenceBundleCreated.class)
                        .map(BundleView::created));
    }

    /** The manifest is made inside the command, from the members as committed then. */
    Mono<ServerResponse> seal(ServerRequest request) {
        return pipeline.handle(
                EvidenceActions.SEAL_BUNDLE,
                request,
                action -> action.send(new SealEvidenceBundle(
                                action.subjectId(),
                                action.tenantId(),
                                action.individualId(),
                                action.acting().reach()))
                        .then(Mono.defer(() -> existing(action.acting().context(), action.subjectId()))));
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return answer(RequestContext.of(request), Ids.parse(request.pathVariable("id"), "id"), HttpStatus.OK);
    }

    private Mono<BundleView> existing(RequestContext context, UUID bundleId) {
        return evidence.bundle(context.scope(), bundleId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such bundle")));
    }

    private Mono<ServerResponse> answer(RequestContext context, UUID bundleId, HttpStatus status) {
        return existing(context, bundleId)
                .flatMap(bundle -> ServerResponse.status(status).bodyValue(bundle));
    }
}
