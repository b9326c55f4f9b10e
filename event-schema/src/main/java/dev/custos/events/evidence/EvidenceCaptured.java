package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * An evidence object was stored. The content hash and size were computed by Custos while the bytes streamed to
 * blob storage, never taken from the uploader. The blob key is internal and never shown in an API answer.
 */
@Revision("1")
public record EvidenceCaptured(
        UUID tenantId,
        UUID evidenceId,
        String title,
        String sourceType,
        String contentMime,
        long contentBytes,
        String contentSha256,
        Instant occurredAt,
        Instant capturedAt,
        String blobKey,
        UUID emergencyRunId,
        UUID claimId,
        UUID disputeId,
        UUID capturedByIndividualId) {
}
