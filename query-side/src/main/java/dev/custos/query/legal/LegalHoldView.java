package dev.custos.query.legal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A legal hold and its targets. */
public record LegalHoldView(
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
    public record Target(String targetType, UUID targetId, Instant addedAt) {
    }
}
