package dev.custos.api.problem;

/**
 * The service cannot take a command now: every worker is busy and the queue is full, or the command waited past its
 * bound. Nothing was dispatched, so the caller may simply send it again; it is answered 503 with {@code Retry-After}.
 */
public class Overloaded extends RuntimeException {

    public static final String RETRY_AFTER_SECONDS = "1";

    /** The detail of every 503: the same whether the queue was full or a lock was held too long. */
    public static final String DETAIL = "The service is busy; try again in a moment";

    public Overloaded() {
        super(DETAIL, null, false, false);
    }
}
