package dev.custos.query.emergency;

import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.util.UUID;

/**
 * A scope grant of a run; {@code status} is {@code active}, {@code expired} or {@code revoked}, as of the read
 * ({@link dev.custos.events.emergency.RunScopeWindow} decides it).
 */
public record RunScopeGrantView(
        UUID scopeGrantId,
        UUID runId,
        UUID granteeIndividualId,
        String scopeKey,
        @Nullable Instant expiresAt,
        Instant grantedAt,
        UUID grantedByIndividualId,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason,
        @OneOf({"active", "expired", "revoked"}) String status) {}
