package dev.custos.command.legal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hold as its last command left it: what each hold command answers, so that the caller's answer needs no read
 * of the projection.
 */
public record LegalHoldState(
        UUID id,
        UUID circleId,
        String title,
        String reason,
        boolean restrictSharing,
        String status,
        Instant createdAt,
        UUID createdByIndividualId,
        Instant releasedAt,
        String releaseReason,
        List<Target> targets) {

    /** One thing the hold covers. */
    public record Target(String targetType, UUID targetId, Instant addedAt) {}
}
