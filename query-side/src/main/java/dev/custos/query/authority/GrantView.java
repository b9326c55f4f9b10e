package dev.custos.query.authority;

import java.time.Instant;
import java.util.UUID;

/** A grant as operators see it: never its passcode or the passcode's hash. */
public record GrantView(
        UUID id,
        String grantType,
        String title,
        String description,
        UUID circleId,
        UUID portalId,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Integer maxViews,
        boolean requirePasscode,
        Instant revokedAt,
        String revokeReason,
        long tokenCount,
        long activeTokenCount,
        Instant lastAccessedAt,
        long accessCount) {}
