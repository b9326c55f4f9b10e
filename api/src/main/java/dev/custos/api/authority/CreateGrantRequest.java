package dev.custos.api.authority;

import dev.custos.api.access.InCircle;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.custos.api.support.IdempotencyKeys;

import dev.custos.api.support.Multiline;

/**
 * {@code POST /api/authority/grants}. {@code metadata.allow_unsealed} lets unsealed evidence be scoped.
 * The passcode is never echoed, stored or logged: only its argon2id hash is kept.
 */
public record CreateGrantRequest(
        @NotNull @Pattern(regexp = "adjuster|insurer|regulator|legal|contractor_third_party|generic",
                message = "must be one of adjuster, insurer, regulator, legal, contractor_third_party, generic")
        @Size(max = 32) String grantType,
        @NotBlank @Size(max = 200) String title,
        @Multiline @Size(max = 2000) String description,
        UUID circleId,
        UUID portalId,
        @NotNull Instant expiresAt,
        @Min(1) Integer maxViews,
        Boolean requirePasscode,
        @Size(min = 6, max = 200) String passcode,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId,
        Metadata metadata) implements InCircle {

    /** Grant options. */
    public record Metadata(Boolean allowUnsealed) {
    }

    boolean allowUnsealed() {
        return metadata != null && Boolean.TRUE.equals(metadata.allowUnsealed());
    }

    /** Whether {@code original} is what this request, sent before under the same client_request_id, created. */
    boolean repeats(dev.custos.query.authority.GrantView original) {
        return original.grantType().equals(grantType) && original.title().equals(title.strip())
                // The edge keeps microseconds, truncated; grants stored before it did were rounded by PostgreSQL,
                // so a repeat's expiry is the same within one.
                && java.time.Duration.between(original.expiresAt(), expiresAt).abs().toNanos() < 1_000
                && java.util.Objects.equals(original.maxViews(), maxViews);
    }

    /** Keeps the passcode out of any log line or error that prints the request. */
    @Override
    public String toString() {
        return "CreateGrantRequest[" + grantType + ", " + title + "]";
    }
}
