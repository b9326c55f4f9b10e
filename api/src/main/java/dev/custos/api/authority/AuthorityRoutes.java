package dev.custos.api.authority;

import static dev.custos.api.support.ApiDocs.alsoAnswering;
import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withOptionalBody;
import static dev.custos.api.support.ApiDocs.withQuery;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.query.authority.GrantView;
import dev.custos.query.authority.TokenView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of grant management (P2.9.6), for any operator of the tenant. */
@Configuration(proxyBeanMethods = false)
class AuthorityRoutes implements ActionCatalogue {

    private static final String TAG = "authority";

    @Override
    public List<ActionSpec<?>> actions() {
        return AuthorityActions.ALL;
    }

    /** Operator actions only: the pipeline checks the tenant context itself, in its one read. */
    @Bean
    RouterFunction<ServerResponse> authorityRouter(GrantHandler grants, GrantAccessHandler access) {
        return SpringdocRouteBuilder.route()
                .POST(
                        AuthorityActions.CREATE_GRANT.path(),
                        grants::create,
                        tenantScoped(alsoAnswering(
                                operation(
                                        TAG,
                                        "createGrant",
                                        "Create a share (idempotent by client_request_id)",
                                        CreateGrantRequest.class,
                                        201,
                                        GrantView.class),
                                200,
                                GrantView.class)))
                .GET(
                        AuthorityActions.LIST_GRANTS.path(),
                        grants::list,
                        withQuery(
                                tenantScoped(operation(
                                        TAG,
                                        "listGrants",
                                        "Grants with token counts and last access",
                                        null,
                                        200,
                                        GrantHandler.GrantsResponse.class)),
                                "limit",
                                "offset"))
                .POST(
                        AuthorityActions.ADD_SCOPE.path(),
                        access::addScope,
                        tenantScoped(operation(
                                TAG,
                                "addScope",
                                "Let the grant show one sealed object",
                                AddScopeRequest.class,
                                201,
                                GrantAccessHandler.ScopeResponse.class,
                                "id")))
                .POST(
                        AuthorityActions.ISSUE_TOKEN.path(),
                        access::issueToken,
                        tenantScoped(withOptionalBody(
                                alsoAnswering(
                                        operation(
                                                TAG,
                                                "issueToken",
                                                "Issue a share token; the raw token is shown once",
                                                null,
                                                201,
                                                IssuedToken.class,
                                                "id"),
                                        200,
                                        IssuedToken.class),
                                IssueTokenRequest.class)))
                .POST(
                        AuthorityActions.REVOKE_GRANT.path(),
                        grants::revoke,
                        tenantScoped(operation(
                                TAG,
                                "revokeGrant",
                                "Revoke a grant and every token of it",
                                RevokeRequest.class,
                                200,
                                GrantView.class,
                                "id")))
                .GET(
                        AuthorityActions.GRANT_EVENTS.path(),
                        grants::events,
                        withQuery(
                                tenantScoped(operation(
                                        TAG,
                                        "grantEvents",
                                        "The grant's access log",
                                        null,
                                        200,
                                        GrantHandler.AccessEventsResponse.class,
                                        "id")),
                                "limit",
                                "offset"))
                .POST(
                        AuthorityActions.REVOKE_TOKEN.path(),
                        access::revokeToken,
                        tenantScoped(operation(
                                TAG,
                                "revokeToken",
                                "Revoke one token",
                                RevokeRequest.class,
                                200,
                                TokenView.class,
                                "id")))
                .build();
    }
}
