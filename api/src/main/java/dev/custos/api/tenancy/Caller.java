package dev.custos.api.tenancy;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.security.TokenPolicy;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The authenticated individual: {@code sub} is their id; {@code custos:admin} among its scopes makes a platform admin. */
public record Caller(UUID individualId, boolean platformAdmin) {

    static final String ADMIN_SCOPE = "custos:admin";

    public static Mono<Caller> of(ServerRequest request) {
        return request.principal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> from(((JwtAuthenticationToken) principal).getToken()))
                .switchIfEmpty(Mono.error(() -> new ProblemException(
                        org.springframework.http.HttpStatus.UNAUTHORIZED, "A valid bearer token is required", null)));
    }

    static Caller from(Jwt jwt) {
        return new Caller(
                UUID.fromString(jwt.getSubject()), TokenPolicy.scopes(jwt).contains(ADMIN_SCOPE));
    }
}
