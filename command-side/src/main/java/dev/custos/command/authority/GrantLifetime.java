package dev.custos.command.authority;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.Rules.require;

import java.time.Duration;
import java.time.Instant;

/**
 * The tenant's longest grant and token lifetime, in days: 90 unless a platform operator set another (1 to 3650).
 * A link that never expires is a link nobody remembers to revoke, so every share must end within it.
 */
public final class GrantLifetime {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 3650;

    private GrantLifetime() {}

    public static void requireValidLimit(int days) {
        require(days >= 1 && days <= MAX_DAYS, INVALID, "max_grant_lifetime_days must be from 1 to " + MAX_DAYS);
    }

    /** The latest expiry allowed for something created {@code now}. */
    public static Instant latestExpiry(Instant now, int maxDays) {
        return now.plus(Duration.ofDays(maxDays));
    }

    static void requireWithin(Instant expiresAt, Instant now, int maxDays) {
        require(
                !expiresAt.isAfter(latestExpiry(now, maxDays)),
                INVALID,
                "expires_at is later than the tenant's maximum grant lifetime of " + maxDays + " days");
    }
}
