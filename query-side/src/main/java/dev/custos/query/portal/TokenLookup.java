package dev.custos.query.portal;

import java.time.Instant;
import java.util.UUID;

import dev.custos.events.authority.AccessWindow;

/** What {@code cc_authority_validate_token} found for a token hash; empty when no token has that hash. */
public record TokenLookup(UUID tenantId, UUID grantId, UUID tokenId, String tokenHash, Instant expiresAt,
                          String tokenStatus, String grantStatus, Instant grantExpiresAt, boolean requirePasscode,
                          String passcodeHash) {

    /** See {@link AccessWindow}: decided on the caller's clock. */
    public boolean grantActive(Instant now) {
        return AccessWindow.open(grantStatus, grantExpiresAt, now);
    }

    /** The grant is still recorded active but has run out: it is due to be marked expired. */
    public boolean grantLapsed(Instant now) {
        return AccessWindow.lapsed(grantStatus, grantExpiresAt, now);
    }
}
