package dev.custos.events.authority;

import java.time.Instant;

/**
 * The one Java home of "is this grant (or token) still active?": its status is {@code active} and its expiry is
 * still ahead, strictly. It lives beside the events because the aggregates, the portal and the grant service all
 * decide it, and this is the one module they share; each passes the instant of its injected clock. The one SQL
 * home is {@code custos_access_open(status, expires_at)} (migration {@code R__access_window.sql}), which the definer
 * functions call, and {@code AccessWindowAgreementIT} shows that the two agree, at the boundary too.
 */
public final class AccessWindow {

    private AccessWindow() {}

    public static boolean open(String status, Instant expiresAt, Instant now) {
        return "active".equals(status) && ahead(expiresAt, now);
    }

    /** Still recorded as active, but past its expiry: due to be marked expired. */
    public static boolean lapsed(String status, Instant expiresAt, Instant now) {
        return "active".equals(status) && !ahead(expiresAt, now);
    }

    /** Whether an expiry is still ahead: the instant of expiry itself is already expired. */
    public static boolean ahead(Instant expiresAt, Instant now) {
        return expiresAt != null && now.isBefore(expiresAt);
    }
}
