package dev.custos.api.authority;

import dev.custos.api.access.Idempotent;
import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.support.CustodyTypeFor;
import dev.custos.command.authority.RevokeAuthorityToken;
import dev.custos.events.custody.CustodyType.Use;
import dev.custos.events.wire.Nullable;
import dev.custos.query.authority.AuthorityReader;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** What a grant shows (scopes) and who can use it (tokens). */
@Component
class GrantAccessHandler {

    private final OperatorPipeline pipeline;
    private final GrantService sharing;
    private final AuthorityReader grants;

    GrantAccessHandler(OperatorPipeline pipeline, GrantService sharing, AuthorityReader grants) {
        this.pipeline = pipeline;
        this.sharing = sharing;
        this.grants = grants;
    }

    /** The scoped object must be visible, and of the grant's circle or tenant-wide. */
    Mono<ServerResponse> addScope(ServerRequest request) {
        return pipeline.handle(AuthorityActions.ADD_SCOPE, request, action -> {
            AddScopeRequest body = action.body();
            return sharing.addScope(
                            action, action.acting(), body.custodyType(), body.scopeId(), body.label(), body.notes())
                    .map(scopeId -> new ScopeResponse(
                            scopeId, action.subjectId(), body.scopeType(), body.scopeId(), body.label(), body.notes()));
        });
    }

    /** A repeat (same client_request_id, same grant) answers the original token with 200, without the raw token. */
    Mono<ServerResponse> issueToken(ServerRequest request) {
        return pipeline.handle(AuthorityActions.ISSUE_TOKEN, request, action -> {
            UUID grantId = action.subjectId();
            IssueTokenRequest body = action.body();
            return Idempotent.create(
                    body.clientRequestId(),
                    () -> grants.tokenByClientRequest(action.acting().scope(), body.clientRequestId()),
                    token -> Asked.of(token.grantId()),
                    Asked.of(grantId),
                    token -> new IssuedToken(token.id(), null, null, token.expiresAt()),
                    () -> sharing.issueToken(action, grantId, body.expiresAt(), body.clientRequestId()));
        });
    }

    Mono<ServerResponse> revokeToken(ServerRequest request) {
        return pipeline.handle(
                AuthorityActions.REVOKE_TOKEN,
                request,
                action -> action.send(new RevokeAuthorityToken(
                                action.subjectId(),
                                action.tenantId(),
                                action.body().reason(),
                                action.individualId()))
                        .then(Mono.defer(() -> grants.token(action.acting().scope(), action.subjectId()))));
    }

    /** A scope just added. */
    record ScopeResponse(
            UUID id,
            UUID grantId,
            @CustodyTypeFor(Use.SCOPE) String scopeType,
            UUID scopeId,
            @Nullable String label,
            @Nullable String notes) {}
}
