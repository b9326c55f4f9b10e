package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A share token was issued. Only the SHA-256 of the raw token is recorded; the raw token was shown once. */
@Revision("1")
public record AuthorityTokenIssued(
        UUID tenantId,
        UUID grantId,
        UUID tokenId,
        String tokenHash,
        Instant expiresAt,
        Integer maxViews,
        String clientRequestId,
        Instant issuedAt,
        UUID issuedByIndividualId) {}
