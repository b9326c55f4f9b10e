package dev.custos.api.admin;

import static dev.custos.api.support.ApiDocs.operation;

import dev.custos.api.admin.ProjectionRebuildHandler.RebuildResponse;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.Caller;
import dev.custos.command.Refusal;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Routes for platform administrators: no tenant context, the {@code custos:admin} scope instead. */
@Configuration(proxyBeanMethods = false)
class AdminRoutes {

    private static final String TAG = "admin";

    /** The caller, when a platform administrator; otherwise a 403 saying that {@code what} needs the scope. */
    static Mono<Caller> platformAdmin(ServerRequest request, String what) {
        return Caller.of(request)
                .flatMap(caller -> caller.platformAdmin()
                        ? Mono.just(caller)
                        : Mono.error(ProblemException.refused(
                                Refusal.ADMIN_REQUIRED, what + " requires the custos:admin scope")));
    }

    @Bean
    RouterFunction<ServerResponse> adminRouter(ProjectionRebuildHandler projections, UnreadableEventsHandler events) {
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
                .GET(
                        "/api/admin/unreadable-events",
                        events::check,
                        operation(
                                TAG,
                                "listUnreadableEvents",
                                "Load every aggregate afresh and list the stored events it cannot apply (custos:admin)",
                                null,
                                200,
                                UnreadableEvents.Report.class))
                .build();
    }
}
