package dev.custos.api.authority;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withQuery;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.authority.GrantView;
import dev.custos.query.authority.TokenView;

/** Routes of grant management (P2.9.6), for any operator of the tenant. */
@Configuration(proxyBeanMethods = false)
class AuthorityRoutes {

    private static final String TAG = "authority";

    @Bean
    RouterFunction<ServerResponse> authorityRouter(GrantHandler grants, GrantAccessHandler access,
                                                   TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .POST("/api/authority/grants", grants::create, tenantScoped(operation(TAG, "createGrant",
                        "Create a share (idempotent by client_request_id)", CreateGrantRequest.class, 201,
                        GrantView.class)))
                .GET("/api/authority/grants", grants::list, withQuery(tenantScoped(operation(TAG, "listGrants",
                        "Grants with token counts and last access", null, 200, GrantHandler.GrantsResponse.class)),
                        "limit", "offset"))
                .POST("/api/authority/grants/{id}/scopes", access::addScope, tenantScoped(operation(TAG, "addScope",
                        "Let the grant show one sealed object", AddScopeRequest.class, 201,
                        GrantAccessHandler.ScopeResponse.class, "id")))
                .POST("/api/authority/grants/{id}/tokens", access::issueToken, tenantScoped(operation(TAG,
                        "issueToken", "Issue a share token; the raw token is shown once", IssueTokenRequest.class,
                        201, IssuedToken.class, "id")))
                .POST("/api/authority/grants/{id}/revoke", grants::revoke, tenantScoped(operation(TAG, "revokeGrant",
                        "Revoke a grant and every token of it", RevokeRequest.class, 200, GrantView.class, "id")))
                .GET("/api/authority/grants/{id}/events", grants::events, withQuery(tenantScoped(operation(TAG,
                        "grantEvents", "The grant's access log", null, 200,
                        GrantHandler.AccessEventsResponse.class, "id")), "limit", "offset"))
                .POST("/api/authority/tokens/{id}/revoke", access::revokeToken, tenantScoped(operation(TAG,
                        "revokeToken", "Revoke one token", RevokeRequest.class, 200, TokenView.class, "id")))
                .filter(tenantContext)
                .build();
    }
}
