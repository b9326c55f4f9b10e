package dev.custos.query.authority;

import dev.custos.events.authority.GrantType;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.util.UUID;

/** A grant as operators see it: never its passcode or the passcode's hash. */
public record GrantView(
        UUID id,
        @OneOf(keysOf = GrantType.class) String grantType,
        String title,
        @Nullable String description,
        @Nullable UUID circleId,
        @Nullable UUID portalId,
        @OneOf({"active", "revoked", "expired"}) String status,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Integer maxViews,
        boolean requirePasscode,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason,
        long tokenCount,
        long activeTokenCount,
        @Nullable Instant lastAccessedAt,
        long accessCount) {}
