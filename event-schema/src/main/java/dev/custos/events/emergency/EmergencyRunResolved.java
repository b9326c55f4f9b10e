package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A run was resolved, with a note saying how. A resolved run takes no new scope grants. */
@Revision("1")
public record EmergencyRunResolved(
        UUID tenantId,
        UUID runId,
        UUID circleId,
        String resolutionNote,
        Instant resolvedAt,
        UUID resolvedByIndividualId) {}
