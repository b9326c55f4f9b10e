package dev.custos.command;

/**
 * The bean names the aggregates' {@code @Aggregate} annotations refer to (api's AxonConfiguration declares them).
 *
 * <ul>
 *   <li>{@link #CACHE}: a loaded aggregate stays in memory, so a command on a long stream replays nothing. Each
 *       instance has its own: a copy another instance has made stale is found when the command takes the lock
 *       (which reads the store's last sequence) and evicted before use; one that slipped through would fail its
 *       append on the unique (aggregate, sequence) key, be evicted with the rollback, and the unit run again.</li>
 *   <li>{@link #SNAPSHOTS}: every so many events a snapshot is taken on its own thread, so a cold load (a restart,
 *       an evicted entry) reads one snapshot and the few events after it, however long the stream has grown.</li>
 *   <li>{@link #LOCKS}: an aggregate's lock is the database's, held until the transaction that loaded it ends, so
 *       no command (of this instance or another) sees another's events before they are committed, however many
 *       commands that transaction sends.</li>
 * </ul>
 * A snapshotted aggregate serializes its fields (never getters), which is why those classes say
 * {@code @JsonAutoDetect(fieldVisibility = ANY)}.
 */
public final class Aggregates {

    public static final String CACHE = "aggregateCache";
    public static final String SNAPSHOTS = "aggregateSnapshots";
    public static final String LOCKS = "aggregateLocks";

    private Aggregates() {}
}
