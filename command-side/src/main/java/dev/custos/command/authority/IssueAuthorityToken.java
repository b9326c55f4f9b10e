package dev.custos.command.authority;

import java.time.Instant;
import java.util.UUID;

/** Issue a token for a grant. Only the token's SHA-256 is given; the raw token is shown to the caller once. */
public record IssueAuthorityToken(
        UUID tokenId,
        UUID tenantId,
        UUID grantId,
        String tokenHash,
        Instant grantExpiresAt,
        Instant requestedExpiresAt,
        Integer maxViews,
        boolean grantActive,
        String clientRequestId,
        UUID requestedBy,
        int maxLifetimeDays) {}
