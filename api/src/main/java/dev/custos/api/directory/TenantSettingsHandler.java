package dev.custos.api.directory;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.directory.SetGrantLifetimeLimit;
import dev.custos.query.directory.DirectoryReader;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The tenant's settings: every member reads them; a tenant-wide platform operator changes them. */
@Component
class TenantSettingsHandler {

    private final OperatorPipeline pipeline;
    private final DirectoryReader directory;

    TenantSettingsHandler(OperatorPipeline pipeline, DirectoryReader directory) {
        this.pipeline = pipeline;
        this.directory = directory;
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return settings(RequestContext.of(request));
    }

    /** Answers the limit the command set. */
    Mono<ServerResponse> setGrantLifetime(ServerRequest request) {
        return pipeline.handle(
                DirectoryActions.SET_GRANT_LIFETIME,
                request,
                action -> action.call(
                                new SetGrantLifetimeLimit(
                                        action.tenantId(),
                                        action.body().maxGrantLifetimeDays(),
                                        action.individualId(),
                                        action.acting().reach()),
                                Integer.class)
                        .map(TenantSettingsResponse::new));
    }

    private Mono<ServerResponse> settings(RequestContext context) {
        return directory
                .grantLifetimeDays(context.scope())
                .flatMap(days -> ServerResponse.ok().bodyValue(new TenantSettingsResponse(days)));
    }

    /** The tenant's settings: for now, how long its grants and tokens may live at most. */
    public record TenantSettingsResponse(int maxGrantLifetimeDays) {}
}
