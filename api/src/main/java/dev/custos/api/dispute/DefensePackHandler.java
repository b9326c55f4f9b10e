package dev.custos.api.dispute;

import dev.custos.api.access.Action;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.authority.GrantService;
import dev.custos.api.export.BagExports;
import dev.custos.api.export.BagSource;
import dev.custos.api.export.EvidencePayload;
import dev.custos.api.problem.ProblemException;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.dispute.DefensePackView;
import dev.custos.query.dispute.DisputeReader;
import dev.custos.query.evidence.EvidenceReader;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** What is done with a defense pack: exported as a bag, shared with an authority (both through its sealed bundle). */
@Component
class DefensePackHandler {

    private final OperatorPipeline pipeline;
    private final DisputeReader disputes;
    private final EvidenceReader evidence;
    private final GrantService sharing;
    private final BagExports exports;

    DefensePackHandler(
            OperatorPipeline pipeline,
            DisputeReader disputes,
            EvidenceReader evidence,
            GrantService sharing,
            BagExports exports) {
        this.pipeline = pipeline;
        this.disputes = disputes;
        this.evidence = evidence;
        this.sharing = sharing;
        this.exports = exports;
    }

    /** A bag of the pack's manifest ({@code data/manifest.json}, its exact bytes) and of every live member. */
    Mono<ServerResponse> export(ServerRequest request) {
        return pipeline.handle(
                DisputeActions.EXPORT,
                request,
                action -> exports.export(
                        action,
                        pack(action)
                                .flatMap(pack -> evidence.bundle(action.acting().scope(), pack.bundleId())
                                        .flatMap(bundle -> evidence.evidence(
                                                        action.acting().scope(), bundle.evidenceIds())
                                                .collectList()
                                                .map(items -> new BagSource(
                                                        action.tenantId(),
                                                        "defense_pack",
                                                        pack.id(),
                                                        "Pack-SHA256",
                                                        pack.packSha256(),
                                                        "manifest.json",
                                                        bundle.manifestJson().getBytes(StandardCharsets.UTF_8),
                                                        EvidencePayload.of(items)))))));
    }

    /** One grant of the pack's circle, scoped to the pack's sealed bundle, and one token. */
    Mono<ServerResponse> share(ServerRequest request) {
        return pipeline.handle(
                DisputeActions.SHARE,
                request,
                action -> pack(action)
                        .flatMap(pack ->
                                sharing.share(action, action.body(), CustodyType.EVIDENCE_BUNDLE, pack.bundleId())));
    }

    private Mono<DefensePackView> pack(Action<?> action) {
        return disputes.pack(action.acting().scope(), action.subjectId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such defense pack")));
    }
}
