package dev.custos.events.dispute;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A legal operator opened a dispute with a counterparty, tenant-wide (circleId null) or in one circle. */
@Revision("1")
public record DisputeOpened(
        UUID tenantId,
        UUID disputeId,
        UUID circleId,
        String title,
        String counterparty,
        Instant openedAt,
        UUID openedByIndividualId) {}
