package dev.custos.api.authority;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
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
import dev.custos.command.authority.AddAuthorityScope;
import dev.custos.command.authority.IssueAuthorityToken;
import dev.custos.command.authority.RevokeAuthorityToken;
import dev.custos.query.access.Located;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.authority.GrantView;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.tenancy.TenantScope;
import reactor.core.publisher.Mono;

/** What a grant shows (scopes) and who can use it (tokens). */
@Component
class GrantAccessHandler {

    private final OperatorActions actions;
    private final Commands commands;
    private final RequestBodies bodies;
    private final AuthorityReader grants;
    private final EvidenceReader evidence;
    private final DirectoryReader directory;
    private final String publicBaseUrl;

    GrantAccessHandler(OperatorActions actions, Commands commands, RequestBodies bodies,
                       AuthorityReader grants, EvidenceReader evidence, DirectoryReader directory,
                       @Value("${custos.public-base-url}") String publicBaseUrl) {
        this.actions = actions;
        this.commands = commands;
        this.bodies = bodies;
        this.grants = grants;
        this.evidence = evidence;
        this.directory = directory;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** The scoped object must be visible, and of the grant's circle or tenant-wide. */
    Mono<ServerResponse> addScope(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID grantId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, RequiredRole.ANY_OPERATOR, ObjectKind.AUTHORITY_GRANT, grantId)
                .flatMap(grant -> bodies.read(request, AddScopeRequest.class).flatMap(body -> addScope(grant, body)));
    }

    private Mono<ServerResponse> addScope(Acting grant, AddScopeRequest body) {
        UUID grantId = grant.objectId();
        UUID scopeId = UUID.randomUUID();
        Mono<Located> scoped = ObjectKind.material(body.scopeType())
                .map(kind -> actions.addable(grant, kind, body.scopeId()))
                .orElseGet(() -> Mono.error(ProblemException.notFound("no such " + body.scopeType())));
        return scoped.flatMap(located -> sealedState(grant.scope(), body.scopeType(), body.scopeId())
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such " + body.scopeType())))
                        .flatMap(sealed -> commands.send(new AddAuthorityScope(grantId, grant.tenantId(), scopeId,
                                body.scopeType(), body.scopeId(), sealed, body.label(), body.notes(),
                                located.circleId(), grant.individualId(), grant.reach()))))
                .then(Mono.defer(() -> ServerResponse.status(HttpStatus.CREATED).bodyValue(new ScopeResponse(
                        scopeId, grantId, body.scopeType(), body.scopeId(), body.label(), body.notes()))));
    }

    /** Whether the object is sealed, or empty when it does not exist in the tenant (or was destroyed). */
    private Mono<Boolean> sealedState(TenantScope scope, String scopeType, UUID objectId) {
        return switch (scopeType) {
            case "evidence_bundle" -> evidence.bundle(scope, objectId).map(bundle -> "sealed".equals(bundle.status()));
            case "evidence_object" -> evidence.evidence(scope, objectId).filter(view -> !view.destroyed())
                    .map(view -> view.sealed());
            // Claims and dossiers arrive with the insurance subsystem; until then none exists.
            default -> Mono.empty();
        };
    }

    Mono<ServerResponse> issueToken(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID grantId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, RequiredRole.ANY_OPERATOR, ObjectKind.AUTHORITY_GRANT, grantId)
                .then(Mono.defer(() -> bodies.readOptional(request, IssueTokenRequest.class,
                        new IssueTokenRequest(null, null))))
                .flatMap(body -> {
                    Mono<ServerResponse> repeat = body.clientRequestId() == null ? Mono.empty()
                            : grants.tokenByClientRequest(context.scope(), body.clientRequestId())
                            .flatMap(token -> token.grantId().equals(grantId)
                                    ? ServerResponse.ok().bodyValue(new IssuedToken(token.id(), null, null,
                                            token.expiresAt()))
                                    : Mono.error(ProblemException.conflict(
                                            "client_request_id is already used by another request")));
                    return repeat.switchIfEmpty(Mono.defer(() -> issueNew(context, grantId, body)));
                });
    }

    private Mono<ServerResponse> issueNew(RequestContext context, UUID grantId, IssueTokenRequest body) {
        UUID tokenId = UUID.randomUUID();
        String raw = ShareTokens.newToken();
        return grants.grant(context.scope(), grantId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such grant")))
                .zipWith(directory.grantLifetimeDays(context.scope()))
                .flatMap(grantAndLimit -> commands.send(new IssueAuthorityToken(tokenId, context.tenantId(), grantId,
                        ShareTokens.sha256Hex(raw), grantAndLimit.getT1().expiresAt(), body.expiresAt(),
                        grantAndLimit.getT1().maxViews(), active(grantAndLimit.getT1()), body.clientRequestId(),
                        context.individualId(), grantAndLimit.getT2())))
                .then(Mono.defer(() -> grants.token(context.scope(), tokenId)))
                .flatMap(token -> ServerResponse.status(HttpStatus.CREATED).bodyValue(new IssuedToken(tokenId, raw,
                        publicBaseUrl + "/p/authority#token=" + raw, token.expiresAt())));
    }

    private static boolean active(GrantView grant) {
        return "active".equals(grant.status()) && grant.expiresAt().isAfter(java.time.Instant.now());
    }

    /** A token belongs to its grant's circle. */
    Mono<ServerResponse> revokeToken(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID tokenId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onObject(context, RequiredRole.ANY_OPERATOR, ObjectKind.AUTHORITY_TOKEN, tokenId)
                .flatMap(acting -> bodies.read(request, RevokeRequest.class)
                        .flatMap(body -> commands.send(new RevokeAuthorityToken(tokenId, acting.tenantId(),
                                body.reason(), acting.individualId()))))
                .then(Mono.defer(() -> grants.token(context.scope(), tokenId)))
                .flatMap(token -> ServerResponse.ok().bodyValue(token));
    }

    /** A scope just added. */
    record ScopeResponse(UUID id, UUID grantId, String scopeType, UUID scopeId, String label, String notes) {
    }
}
