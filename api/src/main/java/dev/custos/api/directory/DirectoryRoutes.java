package dev.custos.api.directory;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.tenancy.TenantContextFilter;

/** Routes of the directory. Tenant creation is the one {@code /api} route without a tenant context. */
@Configuration(proxyBeanMethods = false)
class DirectoryRoutes {

    private static final String TAG = "directory";

    @Bean
    RouterFunction<ServerResponse> tenantCreationRouter(DirectoryHandler directory) {
        return SpringdocRouteBuilder.route()
                .POST("/api/tenants", directory::createTenant, operation(TAG, "createTenant",
                        "Create a tenant with its first platform operator (custos:admin)", CreateTenantRequest.class,
                        201, TenantResponse.class))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> directoryRouter(DirectoryHandler directory, TenantSettingsHandler settings,
                                                   TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .GET("/api/tenants/settings", settings::read, tenantScoped(operation(TAG, "readTenantSettings",
                        "The tenant's settings (any member)", null, 200, TenantSettingsResponse.class)))
                .POST("/api/tenants/settings/grant-lifetime", settings::setGrantLifetime, tenantScoped(operation(TAG,
                        "setGrantLifetime", "Set the longest grant and token lifetime (platform_operator)",
                        SetGrantLifetimeRequest.class, 200, TenantSettingsResponse.class)))
                .POST("/api/tenants/members", directory::addTenantMember, tenantScoped(operation(TAG,
                        "addTenantMember", "Make an individual a member of the tenant", AddMemberRequest.class, 201,
                        MemberResponse.class)))
                .POST("/api/circles", directory::createCircle, tenantScoped(operation(TAG, "createCircle",
                        "Create a circle", CreateCircleRequest.class, 201, CircleResponse.class)))
                .POST("/api/circles/{id}/members", directory::addCircleMember, tenantScoped(operation(TAG,
                        "addCircleMember", "Add a tenant member to a circle", AddMemberRequest.class, 201,
                        MemberResponse.class, "id")))
                .filter(tenantContext)
                .build();
    }
}
