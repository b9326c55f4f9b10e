package dev.custos.api.problem;

import dev.custos.command.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A problem type a client can branch on: {@code /problems/<key>}, with a title that never changes. The catalogue is
 * the rules' refusals ({@link Refusal}) and the few failures of the service itself; docs/API.md and the OpenAPI
 * document list it, and a test keeps both equal to {@link #all()}.
 */
public record ProblemType(String key, String title, HttpStatus status) {

    public static final String PREFIX = "/problems/";

    public static final ProblemType VALIDATION =
            new ProblemType("validation", "The request is not valid", HttpStatus.BAD_REQUEST);
    public static final ProblemType DATABASE_UNAVAILABLE =
            new ProblemType("database-unavailable", "The database cannot be reached", HttpStatus.SERVICE_UNAVAILABLE);
    public static final ProblemType OVERLOADED =
            new ProblemType("overloaded", "The service is too busy to answer now", HttpStatus.SERVICE_UNAVAILABLE);
    public static final ProblemType UNREADABLE_EVENT =
            new ProblemType("unreadable-event", "Unreadable event", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final List<ProblemType> SERVICE =
            List.of(VALIDATION, DATABASE_UNAVAILABLE, OVERLOADED, UNREADABLE_EVENT);

    public static ProblemType of(Refusal refusal) {
        return new ProblemType(refusal.key(), refusal.title(), Problem.statusOf(refusal.reason()));
    }

    /** Every catalogued type, the service's own first, then the rules' in their catalogue order. */
    public static List<ProblemType> all() {
        List<ProblemType> all = new ArrayList<>(SERVICE);
        Arrays.stream(Refusal.values()).map(ProblemType::of).forEach(all::add);
        return List.copyOf(all);
    }

    public String uri() {
        return PREFIX + key;
    }
}
