package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reader with a known token went over the rate limit and was answered 429. */
@Revision("1")
public record AuthorityRateLimited(
        UUID tenantId, UUID grantId, UUID tokenId, String ip, String userAgent, String path, Instant at) {}
