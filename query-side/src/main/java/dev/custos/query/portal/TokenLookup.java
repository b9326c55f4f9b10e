package dev.custos.query.portal;

import java.time.Instant;
import java.util.UUID;

/** What {@code cc_authority_validate_token} found for a token hash; empty when no token has that hash. */
public record TokenLookup(UUID tenantId, UUID grantId, UUID tokenId, String tokenHash, Instant expiresAt,
                          String tokenStatus, String grantStatus, Instant grantExpiresAt, boolean requirePasscode,
                          String passcodeHash) {

    public boolean grantActive() {
        return "active".equals(grantStatus) && grantExpiresAt.isAfter(Instant.now());
    }
}
