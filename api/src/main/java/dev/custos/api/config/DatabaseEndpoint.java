package dev.custos.api.config;

import java.net.URI;

/** Where the database is and who owns it; the runtime roles connect to the same place under their own names. */
public record DatabaseEndpoint(String jdbcUrl, String ownerUser, String ownerPassword, String runtimePassword) {

    public static final String APP_ROLE = "custos_app";
    public static final String READER_ROLE = "custos_reader";
    public static final String PORTAL_ROLE = "custos_portal";

    /** The host, port and database of the JDBC URL, for the R2DBC driver. */
    public URI location() {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    public String host() {
        return location().getHost();
    }

    public int port() {
        int port = location().getPort();
        return port < 0 ? 5432 : port;
    }

    public String database() {
        return location().getPath().substring(1);
    }

    /** Passwords stay out of logs and error messages. */
    @Override
    public String toString() {
        return "DatabaseEndpoint[" + jdbcUrl + ", owner=" + ownerUser + "]";
    }
}
