package dev.custos.command;

/** Small guards shared by aggregates, so every refusal reads the same way. */
public final class Rules {

    private Rules() {}

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CommandRefused.invalid(field + " is required");
        }
        return value.strip();
    }

    public static void require(boolean condition, Refusal refusal, String message) {
        if (!condition) {
            throw new CommandRefused(refusal, message);
        }
    }

    public static void require(boolean condition, CommandRefused.Reason reason, String message) {
        if (!condition) {
            throw new CommandRefused(reason, message);
        }
    }
}
