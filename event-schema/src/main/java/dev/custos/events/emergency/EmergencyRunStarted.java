package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator started an emergency run, tenant-wide (circleId null) or in one circle. The client request id, when
 * given, names the request that started it, so that a retry finds this run instead of starting another.
 */
@Revision("1")
public record EmergencyRunStarted(
        UUID tenantId,
        UUID runId,
        UUID circleId,
        String runType,
        String title,
        String summary,
        String clientRequestId,
        Instant startedAt,
        UUID startedByIndividualId) {}
