package dev.custos.api.access;

import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.events.time.TimeRange;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Creation once per {@code client_request_id}. A repeat of the first request answers what it created, with 200; the
 * same key with a different request is a 409, never somebody else's object. Of two first requests racing, the
 * read model's unique key lets one commit; the other rolls back whole and answers as a repeat.
 *
 * <p>"Is this the same request" is decided here and nowhere else: the key finds the original in the caller's
 * tenant, and the request repeats it when what it asks for ({@link Asked}) equals, field by field, what the original
 * was made from. What a request asks for is what it would create, not the body as sent: the circle is the one the
 * action acts in, whether the body named it or {@code x-circle-id} did, and the title is stripped as it is stored.
 */
public final class Idempotent {

    private Idempotent() {}

    /** What a creation asks for, in the terms its result is stored in; the order of the fields is the caller's. */
    public record Asked(List<Object> fields) {

        public static Asked of(Object... fields) {
            return new Asked(Arrays.asList(fields));
        }

        /** These fields, then {@code more}. */
        public Asked and(Object... more) {
            List<Object> all = new java.util.ArrayList<>(fields);
            all.addAll(Arrays.asList(more));
            return new Asked(all);
        }

        boolean sameAs(Asked original) {
            if (fields.size() != original.fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!same(fields.get(i), original.fields.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(Object asked, Object stored) {
            if (asked instanceof Instant a && stored instanceof Instant b) {
                return TimeRange.sameAsStored(a, b);
            }
            return Objects.equals(asked, stored);
        }
    }

    /**
     * Answers the original itself on a repeat.
     *
     * @param original  what the key created, read under the caller's row-level security (empty: nothing yet)
     * @param madeFrom  what the original was created from, in the same fields as {@code asked}
     * @param asked     what this request would create
     * @param create    creates it; answers the creation's answer
     */
    public static <T> Mono<Object> create(
            String clientRequestId,
            Supplier<Mono<T>> original,
            Function<T, Asked> madeFrom,
            Asked asked,
            Supplier<Mono<?>> create) {
        return create(clientRequestId, original, madeFrom, asked, found -> found, create);
    }

    /**
     * The same, answering a repeat with {@code repeatAnswer} of the original (a token's answer without its raw
     * token, which is never shown twice).
     */
    public static <T> Mono<Object> create(
            String clientRequestId,
            Supplier<Mono<T>> original,
            Function<T, Asked> madeFrom,
            Asked asked,
            Function<T, ?> repeatAnswer,
            Supplier<Mono<?>> create) {
        if (clientRequestId == null) {
            return create.get().cast(Object.class);
        }
        Function<T, Object> repeated = found -> {
            if (!asked.sameAs(madeFrom.apply(found))) {
                throw reused();
            }
            return Answer.ok(repeatAnswer.apply(found));
        };
        return original.get()
                .map(repeated)
                .switchIfEmpty(Mono.defer(() -> create.get()
                        .cast(Object.class)
                        .onErrorResume(
                                ProblemException::isUniqueViolation,
                                race -> original.get()
                                        .map(repeated)
                                        // The winner's object is one this caller cannot see.
                                        .switchIfEmpty(Mono.error(Idempotent::reused)))));
    }

    private static ProblemException reused() {
        return ProblemException.refused(
                Refusal.CLIENT_REQUEST_ID_REUSED, "client_request_id is already used by another request");
    }
}
