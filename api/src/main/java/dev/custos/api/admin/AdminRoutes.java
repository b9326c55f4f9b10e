package dev.custos.api.admin;

import static dev.custos.api.support.ApiDocs.operation;

import dev.custos.api.admin.ProjectionRebuildHandler.RebuildResponse;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes for platform administrators: no tenant context, the {@code custos:admin} scope instead. */
@Configuration(proxyBeanMethods = false)
class AdminRoutes {

    private static final String TAG = "admin";

    @Bean
    RouterFunction<ServerResponse> adminRouter(ProjectionRebuildHandler projections) {
        return SpringdocRouteBuilder.route()
                .POST(
                        "/api/admin/projections/rebuild",
                        projections::rebuild,
                        operation(
                                TAG,
                                "rebuildProjections",
                                "Rebuild every read table from the event store, in one transaction (custos:admin)",
                                null,
                                200,
                                RebuildResponse.class))
                .build();
    }
}
