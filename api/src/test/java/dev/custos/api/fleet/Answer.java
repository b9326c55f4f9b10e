package dev.custos.api.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP answer as a client saw it: the status ({@link #NO_ANSWER} when the connection failed or the client's
 * timeout passed first), the headers that matter here, the body's exact bytes as text, and how long it took.
 */
record Answer(int status, Optional<String> retryAfter, String body, long elapsedMillis) {

    /** The status recorded when no answer came: refused, reset, or past the client's timeout. */
    static final int NO_ANSWER = -1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Answer none(long elapsedMillis, Throwable why) {
        return new Answer(NO_ANSWER, Optional.empty(), why.getClass().getSimpleName(), elapsedMillis);
    }

    /**
     * Sends as a client told to come back does: a 503 with Retry-After (a lock waited for past its bound, say) is
     * sent again after the wait it names, a few times, and the last answer counts.
     */
    static Answer retryingWhenTold(Supplier<Answer> send) {
        Answer answer = send.get();
        for (int attempt = 0;
                attempt < 5 && answer.status() == 503 && answer.retryAfter().isPresent();
                attempt++) {
            FleetDatabase.pause(
                    Duration.ofSeconds(Long.parseLong(answer.retryAfter().get())));
            answer = send.get();
        }
        return answer;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }

    boolean serverError() {
        return status >= 500;
    }

    /** The body as a JSON object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
        return JSON.readValue(body, Map.class);
    }

    String field(String name) {
        Object value = json().get(name);
        return value == null ? null : value.toString();
    }

    /** The problem's detail, or null when the body is not a JSON object with one. */
    String detail() {
        try {
            return field("detail");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** How many of each status, e.g. {@code {200=30, 429=30}}. */
    static String tally(List<Integer> statuses) {
        return statuses.stream()
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** How many of each status, with the detail of each refusal, e.g. {@code {200=1, 409 "..."=19}}. */
    static String summarize(List<Answer> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(Answer::statusAndDetail, TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** The status, and for a refusal with a detail the detail in quotes. */
    String statusAndDetail() {
        String detail = ok() ? null : detail();
        return detail == null ? Integer.toString(status) : status + " \"" + detail + "\"";
    }

    /** Status, detail and timing, for an assertion message. */
    String describe() {
        String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return status + " after " + elapsedMillis + " ms: " + shown;
    }
}
