package dev.custos.api.evidence;

import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import dev.custos.query.evidence.EvidenceView;
import java.time.Instant;
import java.util.UUID;

/**
 * The contract's evidence summary. {@code url} is a download link signed for 60 seconds (absent once the object is
 * destroyed); storage keys and bucket names never appear.
 */
public record EvidenceSummary(
        UUID id,
        String sourceType,
        String title,
        @Nullable Instant occurredAt,
        Instant createdAt,
        Instant capturedAt,
        String contentMime,
        long contentBytes,
        String contentSha256,

        @OneOf({"open", "sealed", "integrity_failed", "destroyed"})
        String chainStatus,

        @Nullable Instant sealedAt,
        @Nullable Instant destroyedAt,
        @Nullable String url) {

    static EvidenceSummary of(EvidenceView view, String url) {
        return new EvidenceSummary(
                view.id(),
                view.sourceType(),
                view.title(),
                view.occurredAt(),
                view.createdAt(),
                view.capturedAt(),
                view.contentMime(),
                view.contentBytes(),
                view.contentSha256(),
                view.chainStatus(),
                view.sealedAt(),
                view.destroyedAt(),
                url);
    }
}
