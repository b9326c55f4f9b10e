package dev.custos.command;

/**
 * A stored event its aggregate cannot apply while it is loaded: its payload does not read, or reads without what
 * the aggregate needs. The aggregate is not loaded at all (no half-applied state is kept or cached), so every
 * command on it is refused with this until the stream is repaired; other aggregates are untouched. The message
 * names the aggregate and the sequence, and nothing of the payload.
 */
public class UnreadableEvent extends RuntimeException {

    private final String aggregateType;
    private final String aggregateId;
    private final long sequence;
    private final String eventType;

    public UnreadableEvent(String aggregateType, String aggregateId, long sequence, String eventType, Throwable cause) {
        super(
                aggregateType + " " + aggregateId + " cannot be loaded: its event " + eventType + " at sequence "
                        + sequence + " cannot be applied",
                cause);
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.eventType = eventType;
    }

    /**
     * The unreadable event behind a failure, if any: Axon wraps what an event-sourcing handler throws, so it is one
     * of the failure's causes rather than the failure itself.
     */
    public static java.util.Optional<UnreadableEvent> among(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEvent unreadable) {
                return java.util.Optional.of(unreadable);
            }
        }
        return java.util.Optional.empty();
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequence() {
        return sequence;
    }

    public String eventType() {
        return eventType;
    }
}
