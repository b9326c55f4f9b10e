package dev.custos.api.authority;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * What a share answers: the grant, its one token and the link to hand over. The raw token travels only in the
 * link's fragment, and only in this answer: a repeated {@code client_request_id} answers the same grant and token
 * without the link.
 */
public record ShareAnswer(
        UUID grantId,
        UUID tokenId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareUrl,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "ShareAnswer[" + grantId + ", " + tokenId + "]";
    }
}
