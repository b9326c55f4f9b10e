package dev.custos.api.directory;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.support.Commands;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.directory.SetGrantLifetimeLimit;
import dev.custos.query.directory.DirectoryReader;
import reactor.core.publisher.Mono;

/** The tenant's settings: every member reads them; a tenant-wide platform operator changes them. */
@Component
class TenantSettingsHandler {

    private static final RequiredRole PLATFORM = RequiredRole.of(PLATFORM_OPERATOR);

    private final Commands commands;
    private final OperatorActions actions;
    private final RequestBodies bodies;
    private final DirectoryReader directory;

    TenantSettingsHandler(Commands commands, OperatorActions actions, RequestBodies bodies,
                          DirectoryReader directory) {
        this.commands = commands;
        this.actions = actions;
        this.bodies = bodies;
        this.directory = directory;
    }

    Mono<ServerResponse> read(ServerRequest request) {
        return settings(RequestContext.of(request));
    }

    Mono<ServerResponse> setGrantLifetime(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return actions.onTenant(context, PLATFORM)
                .flatMap(acting -> bodies.read(request, SetGrantLifetimeRequest.class)
                        .flatMap(body -> commands.send(new SetGrantLifetimeLimit(acting.tenantId(),
                                body.maxGrantLifetimeDays(), acting.individualId(), acting.reach()))))
                .then(Mono.defer(() -> settings(context)));
    }

    private Mono<ServerResponse> settings(RequestContext context) {
        return directory.grantLifetimeDays(context.scope())
                .flatMap(days -> ServerResponse.ok().bodyValue(new TenantSettingsResponse(days)));
    }
}
