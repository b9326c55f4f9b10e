package dev.custos.api.insurance;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.authority.GrantService;
import reactor.core.publisher.Mono;

/** What is done with an assembled dossier: shared with an adjuster, exported as a bag. */
@Component
class DossierHandler {

    private final OperatorPipeline pipeline;
    private final GrantService sharing;

    DossierHandler(OperatorPipeline pipeline, GrantService sharing) {
        this.pipeline = pipeline;
        this.sharing = sharing;
    }

    /** One grant of the dossier's circle, scoped to the dossier (and so to the evidence it lists), and one token. */
    Mono<ServerResponse> share(ServerRequest request) {
        return pipeline.handle(InsuranceActions.SHARE, request, action -> sharing.share(action, action.body(),
                "claim_dossier", action.subjectId()));
    }
}
