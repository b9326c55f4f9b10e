package dev.custos.api.directory;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.Caller;
import dev.custos.command.Refusal;
import dev.custos.command.directory.CreateCircle;
import dev.custos.command.directory.CreateTenant;
import dev.custos.events.wire.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Creates tenants (platform administrators) and manages members and circles (platform operators). */
@Component
class DirectoryHandler {

    private final Commands commands;
    private final OperatorPipeline pipeline;
    private final RequestBodies bodies;
    private final MemberCommands members;

    DirectoryHandler(Commands commands, OperatorPipeline pipeline, RequestBodies bodies, MemberCommands members) {
        this.commands = commands;
        this.pipeline = pipeline;
        this.bodies = bodies;
        this.members = members;
    }

    Mono<ServerResponse> createTenant(ServerRequest request) {
        return Caller.of(request)
                .flatMap(caller -> caller.platformAdmin()
                        ? Mono.just(caller)
                        : Mono.error(ProblemException.refused(
                                Refusal.ADMIN_REQUIRED, "Creating a tenant requires the custos:admin scope")))
                .flatMap(caller -> bodies.read(request, CreateTenantRequest.class)
                        .flatMap(body -> {
                            UUID tenantId = body.tenantId() == null ? UUID.randomUUID() : body.tenantId();
                            String name = body.name().strip();
                            return commands.send(new CreateTenant(
                                            tenantId,
                                            name,
                                            body.firstOperatorIndividualId(),
                                            UUID.randomUUID(),
                                            caller.individualId()))
                                    .then(created(new TenantResponse(tenantId, name)));
                        }));
    }

    Mono<ServerResponse> addTenantMember(ServerRequest request) {
        return pipeline.handle(
                DirectoryActions.ADD_TENANT_MEMBER,
                request,
                action -> members.addTenantMember(
                                action,
                                action.body().individualId(),
                                action.body().displayName())
                        .thenReturn(new MemberResponse(
                                action.tenantId(),
                                null,
                                action.body().individualId(),
                                blankToNull(action.body().displayName()))));
    }

    Mono<ServerResponse> createCircle(ServerRequest request) {
        return pipeline.handle(DirectoryActions.CREATE_CIRCLE, request, action -> {
            UUID circleId = action.body().circleId() == null
                    ? UUID.randomUUID()
                    : action.body().circleId();
            String name = action.body().name().strip();
            return action.send(new CreateCircle(
                            action.tenantId(),
                            circleId,
                            name,
                            action.individualId(),
                            action.acting().reach()))
                    .thenReturn(new CircleResponse(circleId, name));
        });
    }

    Mono<ServerResponse> addCircleMember(ServerRequest request) {
        return pipeline.handle(
                DirectoryActions.ADD_CIRCLE_MEMBER,
                request,
                action -> members.addCircleMember(
                                action, action.subjectId(), action.body().individualId())
                        .thenReturn(new MemberResponse(
                                action.tenantId(),
                                action.subjectId(),
                                action.body().individualId(),
                                null)));
    }

    private static Mono<ServerResponse> created(Object body) {
        return Mono.defer(() -> ServerResponse.status(HttpStatus.CREATED).bodyValue(body));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code POST /api/tenants}. */
    public record CreateTenantRequest(
            UUID tenantId,
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID firstOperatorIndividualId) {}

    /** A created tenant. */
    public record TenantResponse(UUID tenantId, String name) {}

    /** A created circle. */
    public record CircleResponse(UUID circleId, String name) {}

    /** A membership that was just created; {@code circle_id} is null for tenant membership. */
    public record MemberResponse(
            UUID tenantId,
            @Nullable UUID circleId,
            UUID individualId,
            @Nullable String displayName) {}
}
