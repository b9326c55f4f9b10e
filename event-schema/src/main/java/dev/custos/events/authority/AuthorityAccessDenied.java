package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reader with a known token was refused (revoked, expired, exhausted, or passcode missing). */
@Revision("1")
public record AuthorityAccessDenied(
        UUID tenantId,
        UUID grantId,
        UUID tokenId,
        String reason,
        String ip,
        String userAgent,
        String path,
        Instant at) {}
