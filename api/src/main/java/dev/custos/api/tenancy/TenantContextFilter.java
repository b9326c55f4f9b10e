package dev.custos.api.tenancy;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Ids;
import dev.custos.command.Refusal;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.tenancy.TenantScope;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
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
        return Caller.of(request).flatMap(caller -> resolve(request, caller)).flatMap(context -> {
            establish(request, context);
            return next.handle(request);
        });
    }

    private Mono<RequestContext> resolve(ServerRequest request, Caller caller) {
        RequestContext claimed = claimed(request, caller);
        TenantScope scope = claimed.scope();
        return directory
                .isTenantMember(scope)
                .flatMap(member -> member
                        ? Mono.just(true)
                        : Mono.error(
                                ProblemException.refused(Refusal.NOT_TENANT_MEMBER, "not a member of this tenant")))
                .flatMap(member -> claimed.circleId() == null
                        ? Mono.just(true)
                        : directory.isCircleMember(scope, claimed.circleId()))
                .flatMap(circleMember -> circleMember
                        ? Mono.just(claimed)
                        : Mono.error(
                                ProblemException.refused(Refusal.NOT_CIRCLE_MEMBER, "not a member of this circle")));
    }

    /**
     * The context the request's headers claim, not yet checked against the directory: whoever uses it must check
     * membership of the tenant and of the circle (this filter, or the operator-action pipeline in its one read).
     */
    public static RequestContext claimed(ServerRequest request, Caller caller) {
        Optional<UUID> claimedIndividual = uuidHeader(request, "x-individual-id");
        if (claimedIndividual.isPresent() && !claimedIndividual.get().equals(caller.individualId())) {
            throw ProblemException.refused(
                    Refusal.NOT_THE_CALLER, "x-individual-id must be the authenticated individual");
        }
        UUID tenantId = uuidHeader(request, "x-tenant-id")
                .orElseThrow(() -> ProblemException.badRequest("x-tenant-id is required"));
        UUID circleId = uuidHeader(request, "x-circle-id").orElse(null);
        return new RequestContext(tenantId, circleId, caller.individualId());
    }

    /** Makes a checked context the request's, for {@link RequestContext#of(ServerRequest)}. */
    public static void establish(ServerRequest request, RequestContext checked) {
        request.attributes().put(RequestContext.ATTRIBUTE, checked);
    }

    private static Optional<UUID> uuidHeader(ServerRequest request, String name) {
        return request.headers().header(name).stream().findFirst().map(value -> Ids.parse(value.strip(), name));
    }
}
