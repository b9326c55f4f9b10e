package dev.custos.command.authority;

import java.time.Instant;

/** The token's decision on an exchange: allowed with the session's hard stop, or refused for a reason. */
public record Exchange(boolean allowed, String refusal, Instant expiresAt) {

    static Exchange allowed(Instant expiresAt) {
        return new Exchange(true, null, expiresAt);
    }

    static Exchange refused(String reason, Instant expiresAt) {
        return new Exchange(false, reason, expiresAt);
    }
}
