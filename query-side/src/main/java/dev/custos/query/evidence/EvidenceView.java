package dev.custos.query.evidence;

import java.time.Instant;
import java.util.UUID;

/** An evidence object as the read model holds it. {@code blobKey} is internal: no API answer may show it. */
public record EvidenceView(
        UUID id,
        String title,
        String sourceType,
        String contentMime,
        long contentBytes,
        String contentSha256,
        Instant occurredAt,
        Instant capturedAt,
        Instant createdAt,
        String chainStatus,
        Instant sealedAt,
        Instant destroyedAt,
        String blobKey) {

    public boolean sealed() {
        return sealedAt != null;
    }

    public boolean destroyed() {
        return destroyedAt != null;
    }
}
