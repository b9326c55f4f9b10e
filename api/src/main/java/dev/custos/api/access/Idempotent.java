package dev.custos.api.access;

import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.custos.api.problem.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Creation once per {@code client_request_id}. A repeat of the first request answers what it created, with 200; the
 * same key with a different request is a 409, never somebody else's object. Of two first requests racing, the
 * read model's unique key lets one commit; the other rolls back whole and answers as a repeat.
 */
public final class Idempotent {

    private Idempotent() {
    }

    /**
     * @param original what the key created, read under the caller's row-level security (empty: nothing yet)
     * @param repeats  whether the original is what this request would create
     * @param create   creates it; answers the creation's answer
     */
    public static <T> Mono<Object> create(String clientRequestId, Supplier<Mono<T>> original, Predicate<T> repeats,
                                          Supplier<Mono<?>> create) {
        if (clientRequestId == null) {
            return create.get().cast(Object.class);
        }
        return original.get().<Object>map(found -> repeated(found, repeats))
                .switchIfEmpty(Mono.defer(() -> create.get().cast(Object.class)
                        .onErrorResume(ProblemException::isUniqueViolation, race -> original.get()
                                .<Object>map(found -> repeated(found, repeats))
                                // The winner's object is one this caller cannot see.
                                .switchIfEmpty(Mono.error(Idempotent::reused)))));
    }

    private static <T> Answer repeated(T original, Predicate<T> repeats) {
        if (!repeats.test(original)) {
            throw reused();
        }
        return Answer.ok(original);
    }

    private static ProblemException reused() {
        return ProblemException.conflict("client_request_id is already used by another request");
    }
}
