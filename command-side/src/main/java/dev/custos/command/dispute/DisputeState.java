package dev.custos.command.dispute;

import java.time.Instant;
import java.util.UUID;

/** A dispute as its last command left it, with how much material it has. */
public record DisputeState(
        UUID id,
        UUID circleId,
        String title,
        String counterparty,
        Instant openedAt,
        UUID openedByIndividualId,
        int materialCount) {}
