package dev.custos.api.tenancy;

import dev.custos.query.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;

/** A checked request: the caller is a member of the tenant and, when a circle is named, of that circle. */
public record RequestContext(UUID tenantId, UUID circleId, UUID individualId) {

    static final String ATTRIBUTE = RequestContext.class.getName();

    /** The context the {@link TenantContextFilter} established; routes without that filter have none. */
    public static RequestContext of(ServerRequest request) {
        return request.attribute(ATTRIBUTE)
                .map(RequestContext.class::cast)
                .orElseThrow(() -> new IllegalStateException("route is missing the tenant context filter"));
    }

    public TenantScope scope() {
        return new TenantScope(tenantId, individualId);
    }
}
