package dev.custos.query.dispute;

import dev.custos.events.wire.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A dispute as the read model holds it, with how much material and how many defense packs it has. */
public record DisputeView(
        UUID id,
        @Nullable UUID circleId,
        String title,
        String counterparty,
        Instant openedAt,
        UUID openedByIndividualId,
        long materialCount,
        long packCount) {}
