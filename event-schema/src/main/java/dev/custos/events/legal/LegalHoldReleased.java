package dev.custos.events.legal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A hold was released for a stated reason. Its targets stay held while any other active hold covers them. */
@Revision("1")
public record LegalHoldReleased(
        UUID tenantId, UUID holdId, UUID circleId, String reason, Instant releasedAt, UUID releasedByIndividualId) {}
