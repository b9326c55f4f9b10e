package dev.custos.command.evidence;

import java.time.Instant;
import java.util.UUID;

/** Record an evidence object whose bytes are already in blob storage, with the hash Custos computed. */
public record CaptureEvidence(
        UUID evidenceId,
        UUID tenantId,
        String title,
        String sourceType,
        String contentMime,
        long contentBytes,
        String contentSha256,
        Instant occurredAt,
        String blobKey,
        UUID emergencyRunId,
        UUID claimId,
        UUID disputeId,
        UUID requestedBy) {
}
