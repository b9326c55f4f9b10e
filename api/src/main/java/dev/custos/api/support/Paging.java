package dev.custos.api.support;

import dev.custos.api.problem.ProblemException;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The contract's paging for every list: {@code limit} 1..500 (default 50) and {@code offset} from 0. */
public record Paging(int limit, long offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static Paging of(ServerRequest request) {
        long limit = number(request.queryParam("limit"), "limit", 1, MAX_LIMIT).orElse((long) DEFAULT_LIMIT);
        long offset = number(request.queryParam("offset"), "offset", 0, Long.MAX_VALUE)
                .orElse(0L);
        return new Paging((int) limit, offset);
    }

    /** A whole-number query parameter from {@code min} to {@code max}, or a 400 naming it; empty when absent. */
    public static Optional<Long> number(ServerRequest request, String name, long min, long max) {
        return number(request.queryParam(name), name, min, max);
    }

    private static Optional<Long> number(Optional<String> raw, String name, long min, long max) {
        return raw.map(value -> {
            try {
                long parsed = Long.parseLong(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ProblemException.badRequest(
                    name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? "" : " to " + max));
        });
    }
}
