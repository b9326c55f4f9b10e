package dev.custos.api.legal;

import static dev.custos.events.operator.OperatorRoleKey.LEGAL_OPERATOR;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.operator.OperatorAuthorization;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.legal.AddLegalHoldTarget;
import dev.custos.command.legal.PlaceLegalHold;
import dev.custos.command.legal.ReleaseLegalHold;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.legal.LegalHoldReader;
import reactor.core.publisher.Mono;

/** Places, extends and releases legal holds, for legal operators. */
@Component
class LegalHoldHandler {

    private final OperatorAuthorization authorization;
    private final Commands commands;
    private final RequestBodies bodies;
    private final LegalHoldReader holds;
    private final DirectoryReader directory;

    LegalHoldHandler(OperatorAuthorization authorization, Commands commands, RequestBodies bodies,
                     LegalHoldReader holds, DirectoryReader directory) {
        this.authorization = authorization;
        this.commands = commands;
        this.bodies = bodies;
        this.holds = holds;
        this.directory = directory;
    }

    Mono<ServerResponse> place(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = UUID.randomUUID();
        return authorization.requireOperatorRole(LEGAL_OPERATOR, context)
                .then(Mono.defer(() -> bodies.read(request, PlaceHoldRequest.class)))
                .flatMap(body -> holdCircle(body.circleId(), context).flatMap(circle -> commands.send(
                        new PlaceLegalHold(holdId, context.tenantId(), circle.orElse(null), body.title().strip(),
                                body.reason(), Boolean.TRUE.equals(body.restrictSharing()), context.individualId()))))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.CREATED)));
    }

    Mono<ServerResponse> addTarget(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = Ids.parse(request.pathVariable("id"), "id");
        return authorization.requireOperatorRole(LEGAL_OPERATOR, context)
                .then(Mono.defer(() -> bodies.read(request, AddTargetRequest.class)))
                .flatMap(body -> commands.send(new AddLegalHoldTarget(holdId, context.tenantId(), body.targetType(),
                        body.targetId(), context.individualId())))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.CREATED)));
    }

    Mono<ServerResponse> release(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID holdId = Ids.parse(request.pathVariable("id"), "id");
        return authorization.requireOperatorRole(LEGAL_OPERATOR, context)
                .then(Mono.defer(() -> bodies.read(request, ReleaseHoldRequest.class)))
                .flatMap(body -> commands.send(new ReleaseLegalHold(holdId, context.tenantId(), body.reason(),
                        context.individualId())))
                .then(Mono.defer(() -> answer(context, holdId, HttpStatus.OK)));
    }

    /** A hold is scoped to the circle it names, or else to the request's circle; the caller must belong to it. */
    private Mono<Optional<UUID>> holdCircle(UUID requested, RequestContext context) {
        if (requested == null || requested.equals(context.circleId())) {
            return Mono.just(Optional.ofNullable(context.circleId()));
        }
        return directory.isCircleMember(context.scope(), requested).flatMap(member -> member
                ? Mono.just(Optional.of(requested))
                : Mono.error(ProblemException.forbidden("not a member of circle_id")));
    }

    private Mono<ServerResponse> answer(RequestContext context, UUID holdId, HttpStatus status) {
        return holds.hold(context.scope(), holdId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such legal hold")))
                .flatMap(hold -> ServerResponse.status(status).bodyValue(hold));
    }
}
