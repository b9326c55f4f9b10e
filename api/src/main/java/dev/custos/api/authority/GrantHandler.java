package dev.custos.api.authority;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.Acting;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.operator.OperatorAuthorization;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.support.Paging;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.authority.CreateAuthorityGrant;
import dev.custos.command.authority.RevokeAuthorityGrant;
import dev.custos.command.authority.RevokeAuthorityToken;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.authority.AccessEventView;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.authority.GrantView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Grants for any operator of the tenant: create (idempotent by client_request_id), list, revoke, access log. */
@Component
class GrantHandler {

    private final OperatorAuthorization authorization;
    private final OperatorActions actions;
    private final Commands commands;
    private final RequestBodies bodies;
    private final AuthorityReader grants;
    private final Passcodes passcodes;
    private final DirectoryReader directory;

    GrantHandler(OperatorAuthorization authorization, OperatorActions actions, Commands commands,
                 RequestBodies bodies, AuthorityReader grants, Passcodes passcodes, DirectoryReader directory) {
        this.authorization = authorization;
        this.actions = actions;
        this.commands = commands;
        this.bodies = bodies;
        this.grants = grants;
        this.passcodes = passcodes;
        this.directory = directory;
    }

    /** The grant belongs to the circle the body names, else to the request's circle, else to the whole tenant. */
    Mono<ServerResponse> create(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return actions.reach(context, RequiredRole.ANY_OPERATOR)
                .flatMap(reach -> bodies.read(request, CreateGrantRequest.class).flatMap(body -> {
                    Acting acting = actions.inCircle(context, reach, body.circleId());
                    Mono<GrantView> repeat = body.clientRequestId() == null ? Mono.empty()
                            : grants.grantByClientRequest(context.scope(), body.clientRequestId());
                    return repeat.flatMap(original -> repeated(body, original))
                            .switchIfEmpty(Mono.defer(() -> createNew(acting, body)));
                }));
    }

    private Mono<ServerResponse> createNew(Acting acting, CreateGrantRequest body) {
        boolean requirePasscode = Boolean.TRUE.equals(body.requirePasscode());
        if (requirePasscode != (body.passcode() != null)) {
            return Mono.error(ProblemException.badRequest(
                    "passcode is required exactly when require_passcode is true"));
        }
        UUID grantId = UUID.randomUUID();
        Mono<String> hash = requirePasscode ? passcodes.hash(body.passcode()) : Mono.just("");
        return Mono.zip(hash, directory.grantLifetimeDays(acting.scope()))
                .flatMap(hashAndLimit -> commands.send(new CreateAuthorityGrant(grantId, acting.tenantId(),
                        acting.circleId(), body.portalId(), body.grantType(), body.title().strip(),
                        body.description(), body.expiresAt(), body.maxViews(), requirePasscode,
                        hashAndLimit.getT1().isEmpty() ? null : hashAndLimit.getT1(), body.allowUnsealed(),
                        body.clientRequestId(), acting.individualId(), hashAndLimit.getT2(), acting.reach())))
                .then(Mono.defer(() -> grants.grant(acting.scope(), grantId)))
                .flatMap(grant -> ServerResponse.status(HttpStatus.CREATED).bodyValue(grant))
                // Two requests with one client_request_id raced; the loser answers with the winner's grant, or
                // with a conflict when the winner's grant is one this caller cannot see.
                .onErrorResume(ProblemException::isUniqueViolation, race -> grants
                        .grantByClientRequest(acting.scope(), body.clientRequestId())
                        .flatMap(original -> repeated(body, original))
                        .switchIfEmpty(Mono.error(() -> ProblemException.conflict(
                                "client_request_id is already used by another request"))));
    }

    /** The original grant for a true repeat; a key reused with a different request is a conflict. */
    private static Mono<ServerResponse> repeated(CreateGrantRequest body, GrantView original) {
        return body.repeats(original) ? ServerResponse.ok().bodyValue(original)
                : Mono.error(ProblemException.conflict("client_request_id is already used by another request"));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        Paging paging = Paging.of(request);
        return authorization.requireAnyOperatorRole(context)
                .then(Mono.defer(() -> grants.grants(context.scope(), paging.limit(), paging.offset()).collectList()))
                .flatMap(list -> ServerResponse.ok().bodyValue(new GrantsResponse(list)));
    }

    /** Revokes the grant, then each of its tokens, so that the token rows say so too. */
    Mono<ServerResponse> revoke(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID grantId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, RequiredRole.ANY_OPERATOR, ObjectKind.AUTHORITY_GRANT, grantId)
                .flatMap(acting -> bodies.read(request, RevokeRequest.class)
                        .flatMap(body -> commands.send(new RevokeAuthorityGrant(grantId, acting.tenantId(),
                                        body.reason(), acting.individualId(), acting.reach()))
                                .thenMany(Flux.defer(() -> grants.activeTokens(acting.scope(), grantId)))
                                .concatMap(token -> commands.send(new RevokeAuthorityToken(token.id(),
                                        acting.tenantId(), "grant revoked: " + body.reason(), acting.individualId())))
                                .then()))
                .then(Mono.defer(() -> grants.grant(context.scope(), grantId)))
                .flatMap(grant -> ServerResponse.ok().bodyValue(grant));
    }

    Mono<ServerResponse> events(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID grantId = Ids.parse(request.pathVariable("id"), "id");
        Paging paging = Paging.of(request);
        return authorization.requireAnyOperatorRole(context)
                .then(Mono.defer(() -> grants.grant(context.scope(), grantId)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such grant")))
                .flatMap(grant -> grants.events(context.scope(), grantId, paging.limit(), paging.offset())
                        .collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(new AccessEventsResponse(list)));
    }

    /** {@code GET /api/authority/grants}. */
    record GrantsResponse(List<GrantView> grants) {
    }

    /** {@code GET /api/authority/grants/{id}/events}. */
    record AccessEventsResponse(List<AccessEventView> events) {
    }
}
