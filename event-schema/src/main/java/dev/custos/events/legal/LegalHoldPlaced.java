package dev.custos.events.legal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A legal operator placed a hold. A hold blocks destruction of what it covers; with {@code restrictSharing} it
 * also stops authorities from reading covered objects through the portal.
 */
@Revision("1")
public record LegalHoldPlaced(
        UUID tenantId,
        UUID holdId,
        UUID circleId,
        String title,
        String reason,
        boolean restrictSharing,
        Instant placedAt,
        UUID placedByIndividualId) {}
