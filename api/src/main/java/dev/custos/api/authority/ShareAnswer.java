package dev.custos.api.authority;

import java.time.Instant;
import java.util.UUID;

/**
 * What a share answers: the grant, its one token and the link to hand over. The raw token travels only in the
 * link's fragment, and only in this answer.
 */
public record ShareAnswer(UUID grantId, UUID tokenId, String shareUrl, Instant expiresAt) {

    @Override
    public String toString() {
        return "ShareAnswer[" + grantId + ", " + tokenId + "]";
    }
}
