package dev.custos.api.support;

import dev.custos.api.problem.ProblemException;
import java.util.Locale;
import java.util.UUID;

/** Strict UUID parsing: only the canonical 36-character form, so one id has exactly one spelling. */
public final class Ids {

    private Ids() {}

    public static UUID parse(String value, String name) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // answered below, without echoing the input
        }
        throw ProblemException.badRequest(name + " must be a UUID");
    }
}
