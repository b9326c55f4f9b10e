package dev.custos.command.legal;

import dev.custos.events.custody.CustodyType;
import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
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
        @Nullable UUID circleId,
        String title,
        String reason,
        boolean restrictSharing,
        @OneOf({"active", "released"}) String status,
        Instant createdAt,
        UUID createdByIndividualId,
        @Nullable Instant releasedAt,
        @Nullable String releaseReason,
        List<Target> targets) {

    /**
     * One thing the hold covers. Every part is required: a stored event without them is refused while the hold
     * loads (an unreadable event), never kept as a target that covers nothing.
     */
    public record Target(@OneOf(keysOf = CustodyType.class) String targetType, UUID targetId, Instant addedAt) {
        public Target {
            Objects.requireNonNull(targetType, "targetType");
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }
}
