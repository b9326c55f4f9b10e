package dev.custos.api.authority;

import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.support.IdempotencyKeys;
import dev.custos.events.authority.GrantType;
import dev.custos.events.wire.OneOf;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The share body of every "share with an authority" action: one grant of the shared object's circle, scoped to
 * that one object, and one token. The passcode is never echoed, stored or logged: only its hash is kept.
 */
public record ShareRequest(
        @NotNull
        @Pattern(regexp = GrantType.PATTERN, message = GrantType.MESSAGE)
        @Size(max = 32)
        @OneOf(keysOf = GrantType.class)
        String grantType,

        @NotBlank @Size(max = 200) String title,
        @NotNull Instant expiresAt,
        @Min(1) Integer maxViews,
        Boolean requirePasscode,
        @Size(min = 6, max = 200) String passcode,
        @Size(max = IdempotencyKeys.MAX_LENGTH) String clientRequestId) {

    /** The grant this share makes, in the circle of the object shared. */
    CreateGrantRequest asGrant(java.util.UUID circleId) {
        return new CreateGrantRequest(
                grantType,
                title,
                null,
                circleId,
                null,
                expiresAt,
                maxViews,
                requirePasscode,
                passcode,
                clientRequestId,
                null);
    }

    /** The share this request makes: its grant, the one object it scopes, and a token of that grant. */
    Asked asked(java.util.UUID circleId, String scopeType, java.util.UUID objectId) {
        return asGrant(circleId).asked(circleId).and(java.util.List.of(scopeType + ":" + objectId), true);
    }

    /** Keeps the passcode out of any log line or error that prints the request. */
    @Override
    public String toString() {
        return "ShareRequest[" + grantType + ", " + title + "]";
    }
}
