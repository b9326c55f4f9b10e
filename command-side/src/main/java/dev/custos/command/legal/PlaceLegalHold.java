package dev.custos.command.legal;

import dev.custos.command.Reach;
import java.util.UUID;

/** Place a legal hold. Its reason is required: a hold without one cannot be justified later. */
public record PlaceLegalHold(
        UUID holdId,
        UUID tenantId,
        UUID circleId,
        String title,
        String reason,
        boolean restrictSharing,
        UUID requestedBy,
        Reach reach) {}
