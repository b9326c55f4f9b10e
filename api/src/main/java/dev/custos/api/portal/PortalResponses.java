package dev.custos.api.portal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The portal's refusals. Every refusal of a token or session is the same 401 with the same bytes, whatever the
 * reason (unknown, expired, revoked, exhausted, wrong or missing passcode), so an answer tells a prober nothing.
 * An id outside the session's scopes is the same 404 as an id that does not exist.
 */
final class PortalResponses {

    static final byte[] DENIED = "{\"ok\":false}".getBytes(StandardCharsets.UTF_8);
    static final byte[] NOT_FOUND = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"Not found\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] RATE_LIMITED = "{}".getBytes(StandardCharsets.UTF_8);

    private PortalResponses() {}

    static Mono<ServerResponse> denied() {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(DENIED);
    }

    static Mono<ServerResponse> notFound() {
        return ServerResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(NOT_FOUND);
    }

    /** 429 with an empty problem body: no detail for whoever is probing. */
    static Mono<ServerResponse> rateLimited() {
        return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(RATE_LIMITED);
    }
}
