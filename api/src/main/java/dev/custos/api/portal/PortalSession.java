package dev.custos.api.portal;

import java.time.Instant;
import java.util.UUID;

/** A portal session: bound to one tenant, grant and token, never past {@code expiresAt}. */
public record PortalSession(UUID tenantId, UUID grantId, UUID tokenId, Instant expiresAt) {}
