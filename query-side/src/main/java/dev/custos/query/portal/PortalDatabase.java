package dev.custos.query.portal;

import org.springframework.r2dbc.core.DatabaseClient;

/** The portal's connections, as {@code custos_portal}: a role that can only EXECUTE the portal functions. */
public record PortalDatabase(DatabaseClient client) {}
