package dev.custos.query;

/** The event processors the projections belong to, and why each runs the way it does. */
public final class ProcessingGroups {

    /**
     * Runs in the transaction that appends the events (a subscribing processor), for every projection: the tables on
     * the authorization path must show a command's effect the moment it has answered, the operator audit row commits
     * with its action (zero lag, one commit, one row per event), and an access row with its access.
     */
    public static final String SYNCHRONOUS = "synchronous";

    private ProcessingGroups() {}
}
