package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An evidence object was stored. The content hash and size were computed by Custos while the bytes streamed to
 * blob storage, never taken from the uploader. The blob key is internal and never shown in an API answer.
 * {@code circleId} is the circle the object belongs to ({@code null}: the whole tenant); revision 1 had none, and
 * reads back as tenant-wide.
 */
@Revision("2")
public record EvidenceCaptured(
        UUID tenantId,
        UUID evidenceId,
        UUID circleId,
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
        UUID capturedByIndividualId) {}
