package dev.custos.api.directory;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.directory.DirectoryActions.AddMemberRequest;
import dev.custos.api.directory.DirectoryActions.CreateCircleRequest;
import dev.custos.api.directory.DirectoryActions.SetGrantLifetimeRequest;
import dev.custos.api.directory.DirectoryHandler.CircleResponse;
import dev.custos.api.directory.DirectoryHandler.CreateTenantRequest;
import dev.custos.api.directory.DirectoryHandler.MemberResponse;
import dev.custos.api.directory.DirectoryHandler.TenantResponse;
import dev.custos.api.directory.TenantSettingsHandler.TenantSettingsResponse;
import dev.custos.api.tenancy.TenantContextFilter;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the directory. Tenant creation is the one {@code /api} route without a tenant context. */
@Configuration(proxyBeanMethods = false)
class DirectoryRoutes implements ActionCatalogue {

    private static final String TAG = "directory";

    @Bean
    RouterFunction<ServerResponse> tenantCreationRouter(DirectoryHandler directory) {
        return SpringdocRouteBuilder.route()
                .POST(
                        "/api/tenants",
                        directory::createTenant,
                        operation(
                                TAG,
                                "createTenant",
                                "Create a tenant with its first platform operator (custos:admin)",
                                CreateTenantRequest.class,
                                201,
                                TenantResponse.class))
                .build();
    }

    @Override
    public List<ActionSpec<?>> actions() {
        return DirectoryActions.ALL;
    }

    @Bean
    RouterFunction<ServerResponse> tenantSettingsRouter(
            TenantSettingsHandler settings, TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .GET(
                        "/api/tenants/settings",
                        settings::read,
                        tenantScoped(operation(
                                TAG,
                                "readTenantSettings",
                                "The tenant's settings (any member)",
                                null,
                                200,
                                TenantSettingsResponse.class)))
                .filter(tenantContext)
                .build();
    }

    /** Operator actions only: the pipeline checks the tenant context itself, in its one read. */
    @Bean
    RouterFunction<ServerResponse> directoryRouter(DirectoryHandler directory, TenantSettingsHandler settings) {
        return SpringdocRouteBuilder.route()
                .POST(
                        DirectoryActions.SET_GRANT_LIFETIME.path(),
                        settings::setGrantLifetime,
                        tenantScoped(operation(
                                TAG,
                                "setGrantLifetime",
                                "Set the longest grant and token lifetime (platform_operator)",
                                SetGrantLifetimeRequest.class,
                                200,
                                TenantSettingsResponse.class)))
                .POST(
                        DirectoryActions.ADD_TENANT_MEMBER.path(),
                        directory::addTenantMember,
                        tenantScoped(operation(
                                TAG,
                                "addTenantMember",
                                "Make an individual a member of the tenant",
                                AddMemberRequest.class,
                                201,
                                MemberResponse.class)))
                .POST(
                        DirectoryActions.CREATE_CIRCLE.path(),
                        directory::createCircle,
                        tenantScoped(operation(
                                TAG,
                                "createCircle",
                                "Create a circle",
                                CreateCircleRequest.class,
                                201,
                                CircleResponse.class)))
                .POST(
                        DirectoryActions.ADD_CIRCLE_MEMBER.path(),
                        directory::addCircleMember,
                        tenantScoped(operation(
                                TAG,
                                "addCircleMember",
                                "Add a tenant member to a circle",
                                AddMemberRequest.class,
                                201,
                                MemberResponse.class,
                                "id")))
                .build();
    }
}
