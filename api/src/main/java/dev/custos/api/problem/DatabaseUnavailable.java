package dev.custos.api.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean "the database cannot be reached now" (stopped, restarting, connections cut, a pool that got no
 * connection within its bound), as opposed to a statement the database refused. Such a request is answered 503
 * with {@code Retry-After}: nothing was committed, and the same request may succeed once the database is back.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before sending the request again. */
    public static final String RETRY_AFTER_SECONDS = "2";

    public static final String DETAIL = "The service cannot reach its database; try again in a moment";

    /**
     * SQLSTATEs of an unreachable or going-away server: class 08 (connection exception), admin and crash shutdown,
     * "cannot connect now" (starting up or recovering) and too many connections.
     */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {}

    /**
     * Hikari's answer on a connection it has already closed, which it does when the connection failed with a
     * connection error: a rollback after a cut connection meets this, with no SQLSTATE, instead of the cut.
     */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    /** Whether the database being out of reach is anywhere in a failure's causes (pools and frameworks wrap it). */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (unreachable(suppressed)) {
                    return true;
                }
            }
            // A rollback that failed hides the failure that caused it, which may be the cut itself.
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && causedBy(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
            return true;
        }
        if (cause instanceof SQLException sql) {
            return stateMeansUnreachable(sql.getSQLState())
                    || (sql.getSQLState() == null && CLOSED_BY_THE_POOL.equals(sql.getMessage()));
        }
        if (cause instanceof io.r2dbc.spi.R2dbcException r2dbc) {
            return cause instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || cause instanceof io.r2dbc.spi.R2dbcTransientResourceException
                    || stateMeansUnreachable(r2dbc.getSqlState());
        }
        // A connection pool that could not hand out a connection within its bound.
        return cause instanceof TimeoutException
                || cause instanceof org.springframework.dao.DataAccessResourceFailureException;
    }

    private static boolean stateMeansUnreachable(String state) {
        return state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state));
    }
}
