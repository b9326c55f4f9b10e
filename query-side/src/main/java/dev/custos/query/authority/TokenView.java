package dev.custos.query.authority;

import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.util.UUID;

/** A token as operators see it: never the token, only its id. */
public record TokenView(
        UUID id,
        UUID grantId,
        @OneOf({"active", "revoked", "expired"}) String status,
        Instant expiresAt,
        int accessCount) {}
