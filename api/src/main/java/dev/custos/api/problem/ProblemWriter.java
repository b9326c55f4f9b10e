package dev.custos.api.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight onto a response, for the places that sit below the routes (filters, security). */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Answers a refused exchange: its request body is read to the end first ({@link RefusedBodies}). */
    public Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail) {
        return refuse(exchange, Problem.of(status, detail));
    }

    public Mono<Void> refuse(ServerWebExchange exchange, Problem problem) {
        return RefusedBodies.drain(exchange).then(Mono.defer(() -> write(exchange.getResponse(), problem)));
    }

    public Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail) {
        return write(response, Problem.of(status, detail));
    }

    public Mono<Void> write(ServerHttpResponse response, Problem problem) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(problem.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }
}
