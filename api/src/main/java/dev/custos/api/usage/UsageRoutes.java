package dev.custos.api.usage;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withTimeQuery;
import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.EdgeTimes;
import dev.custos.query.operator.UsageReader;
import java.time.Instant;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/usage?from=&to=}: the tenant's usage events summed per action key, for its tenant-wide platform
 * operators (a tenant's bill is the whole tenant's). Both bounds are required ISO-8601 instants; {@code from} is
 * inclusive, {@code to} exclusive, so adjacent periods never count an action twice.
 */
@Configuration(proxyBeanMethods = false)
class UsageRoutes implements ActionCatalogue {

    static final ActionSpec<NoBody> USAGE =
            ActionSpec.get("/api/usage", RequiredRole.of(PLATFORM_OPERATOR)).onTenant();

    @Override
    public List<ActionSpec<?>> actions() {
        return List.of(USAGE);
    }

    @Bean
    RouterFunction<ServerResponse> usageRouter(OperatorPipeline pipeline, UsageReader usage) {
        return SpringdocRouteBuilder.route()
                .GET(
                        USAGE.path(),
                        request -> pipeline.handle(USAGE, request, action -> {
                            Instant from = instant(request, "from");
                            Instant to = instant(request, "to");
                            if (!from.isBefore(to)) {
                                return Mono.error(ProblemException.badRequest("from must be before to"));
                            }
                            return usage.usage(action.acting().scope(), from, to)
                                    .collectList()
                                    .map(counts -> new UsageResponse(from, to, counts));
                        }),
                        tenantScoped(withTimeQuery(
                                operation(
                                        "usage",
                                        "usage",
                                        "Billable actions per action key over a " + "period (platform_operator)",
                                        null,
                                        200,
                                        UsageResponse.class),
                                "from",
                                "to")))
                .build();
    }

    private static Instant instant(ServerRequest request, String name) {
        String value = request.queryParam(name)
                .orElseThrow(() -> ProblemException.badRequest(name + " is required (an ISO-8601 instant)"));
        return EdgeTimes.instant(value, name);
    }

    /** The period and its counts; an action key with no use in the period is not listed. */
    record UsageResponse(Instant from, Instant to, List<UsageReader.UsageCount> usage) {}
}
