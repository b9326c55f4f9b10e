package dev.custos.query.emergency;

import java.time.Instant;
import java.util.UUID;

/** A scope grant of a run; {@code status} is {@code active}, {@code expired} or {@code revoked}, as of the read. */
public record RunScopeGrantView(
        UUID scopeGrantId,
        UUID runId,
        UUID granteeIndividualId,
        String scopeKey,
        Instant expiresAt,
        Instant grantedAt,
        UUID grantedByIndividualId,
        Instant revokedAt,
        String revokeReason,
        String status) {

    /** The one decision of whether a scope grant still holds: not revoked, and not past its expiry. */
    public static String status(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "expired" : "active";
    }
}
