package dev.custos.api.edge;

import dev.custos.api.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses encoded slashes, dot segments and the like with an empty 400; this answers
 * the same 400 as a problem, like every other error, without saying which rule matched.
 */
@Component
class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    RejectedExchangeProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.refuse(exchange, HttpStatus.BAD_REQUEST, "The request path is not allowed");
    }
}
