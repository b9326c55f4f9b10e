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

import dev.custos.api.access.Acting;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Reach;
import dev.custos.command.evidence.CreateEvidenceBundle;
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

    /**
     * The members must be visible to the caller (404), tenant-wide or of the bundle's circle (404: a circle's bundle
     * never takes in another circle's evidence) and not destroyed (409); the aggregate checks the last two again
     * against the members as committed.
     */
    Mono<ServerResponse> create(ServerRequest request) {
        return pipeline.handle(EvidenceActions.CREATE_BUNDLE, request, action -> {
            UUID bundleId = UUID.randomUUID();
            Acting acting = action.acting();
            return members(acting.context(), action.body().evidenceIds()).flatMap(found -> {
                        List<UUID> elsewhere = found.values().stream()
                                .filter(view -> !Reach.fitsIn(acting.circleId(), view.circleId()))
                                .map(EvidenceView::id).toList();
                        if (!elsewhere.isEmpty()) {
                            return Mono.error(ProblemException.notFound("no such evidence in this circle: "
                                    + elsewhere.stream().map(UUID::toString).collect(Collectors.joining(", "))));
                        }
                        if (found.values().stream().anyMatch(EvidenceView::destroyed)) {
                            return Mono.error(ProblemException.conflict(
                                    "a destroyed evidence object cannot be bundled"));
                        }
                        return action.call(new CreateEvidenceBundle(bundleId, action.tenantId(), acting.circleId(),
                                action.body().title().strip(), action.body().evidenceIds(), action.individualId(),
                                acting.reach()), EvidenceBundleCreated.class);
                    })
                    .map(BundleView::created);
        });
    }

    /** The manifest is made inside the command, from the members as committed then. */
    Mono<ServerResponse> seal(ServerRequest request) {
        return pipeline.handle(EvidenceActions.SEAL_BUNDLE, request, action -> action.send(new SealEvidenceBundle(
                        action.subjectId(), action.tenantId(), action.individualId(), action.acting().reach()))
                .then(Mono.defer(() -> existing(action.acting().context(), action.subjectId()))));
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
