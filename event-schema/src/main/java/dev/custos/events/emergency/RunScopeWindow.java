package dev.custos.events.emergency;

import java.time.Instant;

/**
 * The one home of "does this scope grant of a run still hold?": not revoked, and its expiry (if it has one) still
 * ahead, strictly. It lives beside the events because the run aggregate (no second live grant of one scope to one
 * member) and the run's read model (a grant's status, as of the read) both decide it, each on its injected clock.
 */
public final class RunScopeWindow {

    public static final String ACTIVE = "active";
    public static final String EXPIRED = "expired";
    public static final String REVOKED = "revoked";

    private RunScopeWindow() {}

    /** {@value #ACTIVE}, {@value #EXPIRED} or {@value #REVOKED}, as of {@code now}. */
    public static String status(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : ACTIVE;
    }

    public static boolean live(Instant revokedAt, Instant expiresAt, Instant now) {
        return ACTIVE.equals(status(revokedAt, expiresAt, now));
    }
}
