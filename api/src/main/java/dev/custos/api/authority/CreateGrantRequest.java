package dev.custos.api.authority;

import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.access.InCircle;
import dev.custos.api.support.IdempotencyKeys;
import dev.custos.api.support.Multiline;
import dev.custos.events.authority.GrantType;
import dev.custos.events.wire.OneOf;
import dev.custos.query.authority.GrantView;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/authority/grants}. {@code metadata.allow_unsealed} lets unsealed evidence be scoped.
 * The passcode is never echoed, stored or logged: only its argon2id hash is kept.
 */
public record CreateGrantRequest(
        @NotNull
        @Pattern(regexp = GrantType.PATTERN, message = GrantType.MESSAGE)
        @Size(max = 32)
        @OneOf(keysOf = GrantType.class)
        String grantType,

        @NotBlank @Size(max = 200) String title,
        @Multiline @Size(max = 2000) String description,
        UUID circleId,
        UUID portalId,
        @NotNull Instant expiresAt,
        @Min(1) Integer maxViews,
        Boolean requirePasscode,
        @Size(min = 6, max = 200) String passcode,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId,
        Metadata metadata)
        implements InCircle {

    /** Grant options. */
    public record Metadata(Boolean allowUnsealed) {}

    boolean allowUnsealed() {
        return metadata != null && Boolean.TRUE.equals(metadata.allowUnsealed());
    }

    /** The grant this request creates, in the circle the action acts in (the body's, or {@code x-circle-id}'s). */
    Asked asked(UUID circle) {
        return Asked.of(
                grantType,
                title.strip(),
                description,
                circle,
                portalId,
                expiresAt,
                maxViews,
                Boolean.TRUE.equals(requirePasscode));
    }

    /** What {@code original} was created from, in the fields of {@link #asked}. */
    static Asked madeFrom(GrantView original) {
        return Asked.of(
                original.grantType(),
                original.title(),
                original.description(),
                original.circleId(),
                original.portalId(),
                original.expiresAt(),
                original.maxViews(),
                original.requirePasscode());
    }

    /** Keeps the passcode out of any log line or error that prints the request. */
    @Override
    public String toString() {
        return "CreateGrantRequest[" + grantType + ", " + title + "]";
    }
}
