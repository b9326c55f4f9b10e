package dev.custos.events.legal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A hold now covers one more target: an evidence object, a bundle, or (as they arrive) claims, runs, disputes. */
@Revision("1")
public record LegalHoldTargetAdded(
        UUID tenantId,
        UUID holdId,
        UUID circleId,
        String targetType,
        UUID targetId,
        Instant addedAt,
        UUID addedByIndividualId) {}
