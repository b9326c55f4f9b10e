package dev.custos.command.legal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

    /**
     * One thing the hold covers. Every part is required: a stored event without them is refused while the hold
     * loads (an unreadable event), never kept as a target that covers nothing.
     */
    public record Target(String targetType, UUID targetId, Instant addedAt) {
        public Target {
            Objects.requireNonNull(targetType, "targetType");
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }
}
