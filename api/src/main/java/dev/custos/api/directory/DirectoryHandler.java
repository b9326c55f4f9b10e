package dev.custos.api.directory;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.access.OperatorActions;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.Caller;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.directory.AddCircleMember;
import dev.custos.command.directory.AddTenantMember;
import dev.custos.command.directory.CreateCircle;
import dev.custos.command.directory.CreateTenant;
import reactor.core.publisher.Mono;

/** Creates tenants (platform administrators) and manages members and circles (platform operators). */
@Component
class DirectoryHandler {

    private static final RequiredRole PLATFORM = RequiredRole.of(PLATFORM_OPERATOR);

    private final Commands commands;
    private final OperatorActions actions;
    private final RequestBodies bodies;

    DirectoryHandler(Commands commands, OperatorActions actions, RequestBodies bodies) {
        this.commands = commands;
        this.actions = actions;
        this.bodies = bodies;
    }

    Mono<ServerResponse> createTenant(ServerRequest request) {
        return Caller.of(request)
                .flatMap(caller -> caller.platformAdmin() ? Mono.just(caller)
                        : Mono.error(ProblemException.forbidden("Creating a tenant requires the custos:admin scope")))
                .flatMap(caller -> bodies.read(request, CreateTenantRequest.class).flatMap(body -> {
                    UUID tenantId = body.tenantId() == null ? UUID.randomUUID() : body.tenantId();
                    String name = body.name().strip();
                    return commands.send(new CreateTenant(tenantId, name, body.firstOperatorIndividualId(),
                                    UUID.randomUUID(), caller.individualId()))
                            .then(created(new TenantResponse(tenantId, name)));
                }));
    }

    Mono<ServerResponse> addTenantMember(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return actions.onTenant(context, PLATFORM)
                .flatMap(acting -> bodies.read(request, AddMemberRequest.class).flatMap(body -> commands.send(
                                new AddTenantMember(acting.tenantId(), body.individualId(), body.displayName(),
                                        acting.individualId(), acting.reach()))
                        .then(created(new MemberResponse(context.tenantId(), null, body.individualId(),
                                blankToNull(body.displayName()))))));
    }

    Mono<ServerResponse> createCircle(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return actions.onTenant(context, PLATFORM)
                .flatMap(acting -> bodies.read(request, CreateCircleRequest.class).flatMap(body -> {
                    UUID circleId = body.circleId() == null ? UUID.randomUUID() : body.circleId();
                    String name = body.name().strip();
                    return commands.send(new CreateCircle(acting.tenantId(), circleId, name, acting.individualId(),
                                    acting.reach()))
                            .then(created(new CircleResponse(circleId, name)));
                }));
    }

    Mono<ServerResponse> addCircleMember(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UUID circleId = Ids.parse(request.pathVariable("id"), "id");
        return actions.onCircle(context, PLATFORM, circleId)
                .flatMap(acting -> bodies.read(request, AddMemberRequest.class).flatMap(body -> commands.send(
                                new AddCircleMember(acting.tenantId(), circleId, body.individualId(),
                                        acting.individualId(), acting.reach()))
                        .then(created(new MemberResponse(acting.tenantId(), circleId, body.individualId(), null)))));
    }

    private static Mono<ServerResponse> created(Object body) {
        return Mono.defer(() -> ServerResponse.status(HttpStatus.CREATED).bodyValue(body));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
