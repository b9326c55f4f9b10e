package dev.custos.api.legal;

import dev.custos.api.access.Acting;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.command.legal.AddLegalHoldTarget;
import dev.custos.command.legal.LegalHoldState;
import dev.custos.command.legal.PlaceLegalHold;
import dev.custos.command.legal.ReleaseLegalHold;
import dev.custos.query.access.ObjectKind;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Places, extends and releases legal holds; each answers the hold as its command left it. */
@Component
class LegalHoldHandler {

    private final OperatorPipeline pipeline;
    private final OperatorActions actions;

    LegalHoldHandler(OperatorPipeline pipeline, OperatorActions actions) {
        this.pipeline = pipeline;
        this.actions = actions;
    }

    Mono<ServerResponse> place(ServerRequest request) {
        return pipeline.handle(
                LegalActions.PLACE_HOLD,
                request,
                action -> action.call(
                        new PlaceLegalHold(
                                action.subjectId(),
                                action.tenantId(),
                                action.acting().circleId(),
                                action.body().title().strip(),
                                action.body().reason(),
                                Boolean.TRUE.equals(action.body().restrictSharing()),
                                action.individualId(),
                                action.acting().reach()),
                        LegalHoldState.class));
    }

    /** The target must be visible, and of the hold's circle or tenant-wide. */
    Mono<ServerResponse> addTarget(ServerRequest request) {
        return pipeline.handle(
                LegalActions.ADD_TARGET,
                request,
                action -> target(action.acting(), action.body())
                        .flatMap(targetCircle -> action.call(
                                new AddLegalHoldTarget(
                                        action.subjectId(),
                                        action.tenantId(),
                                        action.body().targetType(),
                                        action.body().targetId(),
                                        targetCircle.orElse(null),
                                        action.individualId(),
                                        action.acting().reach()),
                                LegalHoldState.class)));
    }

    Mono<ServerResponse> release(ServerRequest request) {
        return pipeline.handle(
                LegalActions.RELEASE,
                request,
                action -> action.call(
                        new ReleaseLegalHold(
                                action.subjectId(),
                                action.tenantId(),
                                action.body().reason(),
                                action.individualId(),
                                action.acting().reach()),
                        LegalHoldState.class));
    }

    /** The target's circle (empty: tenant-wide); an object the hold's circle cannot see is not found. */
    private Mono<Optional<UUID>> target(Acting hold, AddTargetRequest body) {
        return actions.addable(hold, ObjectKind.of(body.custodyType()), body.targetId())
                .map(located -> Optional.ofNullable(located.circleId()));
    }
}
