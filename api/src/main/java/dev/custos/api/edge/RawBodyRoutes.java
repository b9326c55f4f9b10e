package dev.custos.api.edge;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The routes whose body is not JSON: the evidence upload streams raw bytes of any type. */
final class RawBodyRoutes {

    static final String EVIDENCE_UPLOAD = "/api/evidence";

    private RawBodyRoutes() {
    }

    static boolean isRawBody(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && EVIDENCE_UPLOAD.equals(request.getPath().pathWithinApplication().value());
    }
}
