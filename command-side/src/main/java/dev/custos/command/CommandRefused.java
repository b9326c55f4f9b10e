package dev.custos.command;

/**
 * A command broke a rule of the write model. The reason says which kind of rule, so the HTTP layer can answer
 * with the right status without the aggregate knowing about HTTP.
 */
public class CommandRefused extends RuntimeException {

    public enum Reason {
        /** The subject does not exist in this tenant (or belongs to another one). */
        NOT_FOUND,
        /** The subject is visible to the operator, but their role does not reach it. */
        FORBIDDEN,
        /** The subject exists but its state does not allow the command. */
        CONFLICT,
        /** The command itself is malformed: a missing reason, an unknown key. */
        INVALID
    }

    private final Reason reason;

    public CommandRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public static CommandRefused notFound(String message) {
        return new CommandRefused(Reason.NOT_FOUND, message);
    }

    public static CommandRefused conflict(String message) {
        return new CommandRefused(Reason.CONFLICT, message);
    }

    public static CommandRefused invalid(String message) {
        return new CommandRefused(Reason.INVALID, message);
    }

    public Reason reason() {
        return reason;
    }
}
