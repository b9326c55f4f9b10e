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
    private final Refusal refusal;

    /** A refusal no client needs to tell apart from others of its status (no such object, a malformed field). */
    public CommandRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.refusal = null;
    }

    /** A refusal of the catalogue: its status follows from it, and the message is the caller's detail. */
    public CommandRefused(Refusal refusal, String message) {
        super(message, null, false, false);
        this.reason = refusal.reason();
        this.refusal = refusal;
    }

    public static CommandRefused notFound(String message) {
        return new CommandRefused(Reason.NOT_FOUND, message);
    }

    public static CommandRefused refused(Refusal refusal, String message) {
        return new CommandRefused(refusal, message);
    }

    public static CommandRefused invalid(String message) {
        return new CommandRefused(Reason.INVALID, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The catalogued refusal, if this is one; absent for a plain status. */
    public java.util.Optional<Refusal> refusal() {
        return java.util.Optional.ofNullable(refusal);
    }
}
