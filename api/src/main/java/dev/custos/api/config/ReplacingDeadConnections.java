package dev.custos.api.config;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * An R2DBC pool that hands out a working connection after an outage, not the dead ones it kept from before.
 *
 * <p>The pool checks a connection when it is acquired and throws it away when the database has closed it (stopped,
 * restarted, a terminated backend), but then fails that acquisition. Here the acquisition is tried again, once
 * for every connection the pool can hold, so a pool full of dead connections is emptied and a fresh one opened
 * within one request. Only that failure is retried: a pool that is busy, or a database that refuses connections,
 * answers at once (and the request 503), so no request waits more than one acquisition bound.
 */
public final class ReplacingDeadConnections implements ConnectionFactory, Wrapped<ConnectionPool> {

    /** What r2dbc-pool says when the connection it acquired failed its check. */
    private static final String FOUND_DEAD = "Connection validation failed";

    private final ConnectionPool pool;
    private final int capacity;

    ReplacingDeadConnections(ConnectionPool pool, int capacity) {
        this.pool = pool;
        this.capacity = capacity;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(pool.create()).retryWhen(Retry.max(capacity).filter(ReplacingDeadConnections::foundDead));
    }

    static boolean foundDead(Throwable failure) {
        return failure instanceof R2dbcNonTransientResourceException && FOUND_DEAD.equals(failure.getMessage());
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public ConnectionPool unwrap() {
        return pool;
    }

    public void dispose() {
        pool.dispose();
    }
}
