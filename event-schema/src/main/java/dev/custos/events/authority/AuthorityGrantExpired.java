package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A grant was found past its expiry when someone tried to use it. */
@Revision("1")
public record AuthorityGrantExpired(UUID tenantId, UUID grantId, Instant expiredAt) {}
