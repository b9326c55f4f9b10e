package dev.custos.command.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * Record an evidence object whose bytes are already in blob storage, with the hash Custos computed. It belongs to
 * {@code circleId} ({@code null}: the whole tenant), which the API decided from the run, claim or dispute it is
 * captured for, else from the request's circle.
 */
public record CaptureEvidence(
        UUID evidenceId,
        UUID tenantId,
        UUID circleId,
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
        UUID requestedBy) {}
