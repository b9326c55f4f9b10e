package dev.custos.query.portal;

import dev.custos.events.authority.AccessWindow;
import java.time.Instant;
import java.util.UUID;

/**
 * What {@code cc_authority_validate_token} found for a token hash; empty when no token has that hash. The passcode
 * hash is only for the check at the session exchange, and never shown: not even by {@link #toString()}.
 */
public record TokenLookup(
        UUID tenantId,
        UUID grantId,
        UUID tokenId,
        String tokenHash,
        Instant expiresAt,
        String tokenStatus,
        String grantStatus,
        Instant grantExpiresAt,
        boolean requirePasscode,
        String passcodeHash) {

    @Override
    public String toString() {
        return "TokenLookup[tenantId=" + tenantId + ", grantId=" + grantId + ", tokenId=" + tokenId
                + ", tokenStatus=" + tokenStatus + ", grantStatus=" + grantStatus + ", requirePasscode="
                + requirePasscode + "]";
    }

    /** See {@link AccessWindow}: decided on the caller's clock. */
    public boolean grantActive(Instant now) {
        return AccessWindow.open(grantStatus, grantExpiresAt, now);
    }

    /** The grant is still recorded active but has run out: it is due to be marked expired. */
    public boolean grantLapsed(Instant now) {
        return AccessWindow.lapsed(grantStatus, grantExpiresAt, now);
    }
}
