package dev.custos.api.support;

import dev.custos.api.problem.ProblemException;
import java.util.Optional;

/**
 * The one rule for text that enters the service from outside: no NUL or other control character (line breaks and
 * tabs only where a field allows them), no unpaired surrogate, and a maximum length. PostgreSQL cannot store a NUL
 * in text at all, and control characters in titles and reasons would forge lines in logs and exports.
 */
public final class Text {

    /** The longest header or query value any route reads; longer ones are refused before any route runs. */
    public static final int MAX_PARAMETER = 1000;

    private Text() {}

    /** Why {@code value} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String value, int maxLength, boolean multiline) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        return characterProblem(value, multiline);
    }

    /** Why {@code value}'s characters are refused, whatever its length, or empty when they are acceptable. */
    public static Optional<String> characterProblem(String value, boolean multiline) {
        return hasForbiddenCharacter(value, multiline)
                ? Optional.of(
                        multiline
                                ? "must not contain control characters other than line breaks and tabs"
                                : "must not contain control characters")
                : Optional.empty();
    }

    private static boolean hasForbiddenCharacter(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return true;
            }
        }
        return false;
    }

    /** A checked value: a 400 naming {@code name} (never echoing the value) when it breaks the rule. */
    public static String checked(String value, String name, int maxLength) {
        problem(value, maxLength, false).ifPresent(why -> {
            throw ProblemException.badRequest(name + " " + why);
        });
        return value;
    }
}
