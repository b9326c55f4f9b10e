package dev.custos.api.authority;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A token just issued: the raw token and its share URL appear here once and never again. A repeated
 * {@code client_request_id} answers the same token id without them.
 */
public record IssuedToken(
        UUID tokenId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
        @JsonInclude(JsonInclude.Include.NON_NULL) String shareUrl,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[" + tokenId + "]";
    }
}
