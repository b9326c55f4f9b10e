package dev.custos.api.legal;

import static dev.custos.events.operator.OperatorRoleKey.LEGAL_OPERATOR;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.Acting;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.legal.AddLegalHoldTarget;
import dev.custos.command.legal.PlaceLegalHold;
import dev.custos.command.legal.ReleaseLegalHold;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.legal.LegalHoldReader;
import reactor.core.publisher.Mono;

/** Places, extends and releases legal holds, for legal operators. */
@Component
class LegalHoldHandler {

    private static final RequiredRole LEGAL = RequiredRole.of(LEGAL_OPERATOR);

    private final OperatorActions actions;
    private final Commands commands;
    private final RequestBodies bodies;
    private final LegalHoldReader holds;

    LegalHoldHandler(OperatorActions actions, Commands commands, RequestBodies bodies, LegalHoldReader holds) {
        this.actions = actions;
        this.commands = commands;
        this.bodies = bodies;
        this.holds = holds;
    }

    Mono<ServerResponse> place(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = UUID.randomUUID();
        return actions.reach(context, LEGAL)
                .flatMap(reach -> bodies.read(request, PlaceHoldRequest.class).flatMap(body -> {
                    Acting acting = actions.inCircle(context, reach, body.circleId());
                    return commands.send(new PlaceLegalHold(holdId, acting.tenantId(), acting.circleId(),
                            body.title().strip(), body.reason(), Boolean.TRUE.equals(body.restrictSharing()),
                            acting.individualId(), acting.reach()));
                }))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.CREATED)));
    }

    /** The target must be visible, and of the hold's circle or tenant-wide. */
    Mono<ServerResponse> addTarget(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, LEGAL, ObjectKind.LEGAL_HOLD, holdId)
                .flatMap(acting -> bodies.read(request, AddTargetRequest.class).flatMap(body -> target(acting, body)
                        .flatMap(targetCircle -> commands.send(new AddLegalHoldTarget(holdId, acting.tenantId(),
                                body.targetType(), body.targetId(), targetCircle.orElse(null),
                                acting.individualId(), acting.reach())))))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.CREATED)));
    }

    Mono<ServerResponse> release(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, LEGAL, ObjectKind.LEGAL_HOLD, holdId)
                .flatMap(acting -> bodies.read(request, ReleaseHoldRequest.class)
                        .flatMap(body -> commands.send(new ReleaseLegalHold(holdId, acting.tenantId(), body.reason(),
                                acting.individualId(), acting.reach()))))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.OK)));
    }

    /**
     * The target's circle. Types whose subsystem does not exist yet have no objects; the aggregate answers those
     * (an unknown type is 400, a known one with nothing behind it is 404).
     */
    private Mono<Optional<UUID>> target(Acting hold, AddTargetRequest body) {
        return ObjectKind.material(body.targetType())
                .map(kind -> actions.addable(hold, kind, body.targetId())
                        .map(located -> Optional.ofNullable(located.circleId())))
                .orElseGet(() -> Mono.just(Optional.empty()));
    }

    private Mono<ServerResponse> answer(RequestContext context, UUID holdId, HttpStatus status) {
        return holds.hold(context.scope(), holdId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such legal hold")))
                .flatMap(hold -> ServerResponse.status(status).bodyValue(hold));
    }
}
