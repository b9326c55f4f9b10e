package dev.custos.command.emergency;

import dev.custos.events.emergency.RunScopeWindow;
import dev.custos.events.wire.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One scope grant of a run, as the run's last command left it. */
public record RunScopeGrant(
        UUID scopeGrantId,
        UUID runId,
        UUID granteeIndividualId,
        String scopeKey,
        @Nullable Instant expiresAt,
        Instant grantedAt,
        UUID grantedByIndividualId,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason) {

    RunScopeGrant revoked(Instant at, String reason) {
        return new RunScopeGrant(
                scopeGrantId,
                runId,
                granteeIndividualId,
                scopeKey,
                expiresAt,
                grantedAt,
                grantedByIndividualId,
                at,
                reason);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether it still holds at {@code now}: the rule of {@link RunScopeWindow}. */
    boolean liveAt(Instant now) {
        return RunScopeWindow.live(revokedAt, expiresAt, now);
    }
}
