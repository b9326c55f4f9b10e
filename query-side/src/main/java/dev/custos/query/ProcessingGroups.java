package dev.custos.query;

/** The event processors the projections belong to, and why each runs the way it does. */
public final class ProcessingGroups {

    /**
     * Runs in the command's own transaction (a subscribing processor): the tables on the authorization path
     * (directory, roles, evidence, holds) must show a command's effect the moment it has answered.
     */
    public static final String SYNCHRONOUS = "synchronous";

    /** A streaming processor: the operator audit rows may trail the command by a moment, never hold it up. */
    public static final String OPERATOR_AUDIT = "operator-audit";

    /** A streaming processor: the authority access log, which may trail by a moment like the operator audit. */
    public static final String AUTHORITY_ACCESS = "authority-access";

    /** The streaming groups, each with its own dead-letter queue: a bad event parks its sequence, not the group. */
    public static final java.util.List<String> STREAMING = java.util.List.of(OPERATOR_AUDIT, AUTHORITY_ACCESS);

    private ProcessingGroups() {
    }
}
