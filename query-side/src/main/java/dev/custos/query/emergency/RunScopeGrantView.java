package dev.custos.query.emergency;

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
        Instant expiresAt,
        Instant grantedAt,
        UUID grantedByIndividualId,
        Instant revokedAt,
        String revokeReason,
        String status) {}
