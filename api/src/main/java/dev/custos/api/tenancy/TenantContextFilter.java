package dev.custos.api.tenancy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.tenancy.TenantScope;
import reactor.core.publisher.Mono;

/**
 * Establishes the {@link RequestContext} from {@code x-tenant-id}, {@code x-circle-id} and {@code x-individual-id}.
 * A tenant or circle the caller does not belong to is 403 whether or not it exists, so the answer reveals nothing
 * about other tenants.
 */
@Component
public class TenantContextFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final DirectoryReader directory;

    public TenantContextFilter(DirectoryReader directory) {
        this.directory = directory;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return Caller.of(request)
                .flatMap(caller -> resolve(request, caller))
                .flatMap(context -> {
                    request.attributes().put(RequestContext.ATTRIBUTE, context);
                    return next.handle(request);
                });
    }

    private Mono<RequestContext> resolve(ServerRequest request, Caller caller) {
        Optional<UUID> claimed = uuidHeader(request, "x-individual-id");
        if (claimed.isPresent() && !claimed.get().equals(caller.individualId())) {
            return Mono.error(ProblemException.forbidden("x-individual-id must be the authenticated individual"));
        }
        UUID tenantId = uuidHeader(request, "x-tenant-id")
                .orElseThrow(() -> ProblemException.badRequest("x-tenant-id is required"));
        UUID circleId = uuidHeader(request, "x-circle-id").orElse(null);
        TenantScope scope = new TenantScope(tenantId, caller.individualId());
        return directory.isTenantMember(scope)
                .flatMap(member -> member ? Mono.just(true)
                        : Mono.error(ProblemException.forbidden("not a member of this tenant")))
                .flatMap(member -> circleId == null ? Mono.just(true) : directory.isCircleMember(scope, circleId))
                .flatMap(circleMember -> circleMember
                        ? Mono.just(new RequestContext(tenantId, circleId, caller.individualId()))
                        : Mono.error(ProblemException.forbidden("not a member of this circle")));
    }

    private static Optional<UUID> uuidHeader(ServerRequest request, String name) {
        return request.headers().header(name).stream().findFirst().map(value -> Ids.parse(value.strip(), name));
    }
}
