package dev.custos.query.evidence;

import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.query.Timestamps;
import java.time.Instant;
import java.util.UUID;

/**
 * An evidence object as the read model holds it, with its circle ({@code null}: the whole tenant). {@code blobKey}
 * is internal: no API answer may show it.
 */
public record EvidenceView(
        UUID id,
        UUID circleId,
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

    /** The chain status of an object just captured: neither sealed, checked nor destroyed yet. */
    public static final String CHAIN_OPEN = "open";

    /** The row {@link EvidenceProjection} writes for this capture, as it reads back: an answer without a read. */
    public static EvidenceView captured(EvidenceCaptured event) {
        return new EvidenceView(
                event.evidenceId(),
                event.circleId(),
                event.title(),
                event.sourceType(),
                event.contentMime(),
                event.contentBytes(),
                event.contentSha256(),
                Timestamps.asStored(event.occurredAt()),
                Timestamps.asStored(event.capturedAt()),
                Timestamps.asStored(event.capturedAt()),
                CHAIN_OPEN,
                null,
                null,
                event.blobKey());
    }

    public boolean sealed() {
        return sealedAt != null;
    }

    public boolean destroyed() {
        return destroyedAt != null;
    }
}
