package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A token was found past its effective expiry, min(grant, token), when someone tried to use it. */
@Revision("1")
public record AuthorityTokenExpired(UUID tenantId, UUID grantId, UUID tokenId, Instant expiredAt) {}
