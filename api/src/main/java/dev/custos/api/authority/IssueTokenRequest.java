package dev.custos.api.authority;

import dev.custos.api.support.IdempotencyKeys;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** {@code POST /api/authority/grants/{id}/tokens}; an absent body means "until the grant expires". */
public record IssueTokenRequest(
        Instant expiresAt,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId) {}
