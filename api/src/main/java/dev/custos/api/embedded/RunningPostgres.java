package dev.custos.api.embedded;

/** The embedded PostgreSQL, started: its database, the role that owns it (no password) and how to stop it. */
public record RunningPostgres(String jdbcUrl, String ownerUser, AutoCloseable server) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        server.close();
    }
}
