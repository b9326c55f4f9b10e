package dev.custos.api.evidence;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.evidence.CreateEvidenceBundle;
import dev.custos.command.evidence.ManifestMember;
import dev.custos.command.evidence.SealEvidenceBundle;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
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

    Mono<ServerResponse> create(ServerRequest request) {
        return pipeline.handle(EvidenceActions.CREATE_BUNDLE, request, action -> {
            UUID bundleId = UUID.randomUUID();
            RequestContext context = action.acting().context();
            return members(context, action.body().evidenceIds()).flatMap(found -> {
                        if (found.values().stream().anyMatch(EvidenceView::destroyed)) {
                            return Mono.error(ProblemException.conflict(
                                    "a destroyed evidence object cannot be bundled"));
                        }
                        return action.call(new CreateEvidenceBundle(bundleId, action.tenantId(),
                                action.body().title().strip(), action.body().evidenceIds(), action.individualId(),
                                action.acting().reach()), EvidenceBundleCreated.class);
                    })
                    .map(BundleView::created);
        });
    }

    Mono<ServerResponse> seal(ServerRequest request) {
        return pipeline.handle(EvidenceActions.SEAL_BUNDLE, request, action -> {
            RequestContext context = action.acting().context();
            UUID bundleId = action.subjectId();
            return existing(context, bundleId)
                    .flatMap(bundle -> members(context, bundle.evidenceIds()))
                    .flatMap(found -> action.send(new SealEvidenceBundle(bundleId, action.tenantId(),
                            found.values().stream().map(view -> new ManifestMember(view.id(), view.title(),
                                    view.contentSha256(), view.contentBytes(), view.sealed())).toList(),
                            action.individualId(), action.acting().reach())))
                    .then(Mono.defer(() -> existing(context, bundleId)));
        });
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return answer(RequestContext.of(request), Ids.parse(request.pathVariable("id"), "id"), HttpStatus.OK);
    }

    /** The named evidence of the tenant, by id; any id that is not there (or is another tenant's) is 404. */
    private Mono<Map<UUID, EvidenceView>> members(RequestContext context, List<UUID> ids) {
        return evidence.evidence(context.scope(), ids).collectMap(EvidenceView::id, Function.identity())
                .flatMap(found -> found.keySet().containsAll(ids) ? Mono.just(found)
                        : Mono.error(ProblemException.notFound("no such evidence: "
                        + ids.stream().filter(id -> !found.containsKey(id)).map(UUID::toString)
                        .collect(Collectors.joining(", ")))));
    }

    private Mono<BundleView> existing(RequestContext context, UUID bundleId) {
        return evidence.bundle(context.scope(), bundleId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such bundle")));
    }

    private Mono<ServerResponse> answer(RequestContext context, UUID bundleId, HttpStatus status) {
        return existing(context, bundleId).flatMap(bundle -> ServerResponse.status(status).bodyValue(bundle));
    }
}
