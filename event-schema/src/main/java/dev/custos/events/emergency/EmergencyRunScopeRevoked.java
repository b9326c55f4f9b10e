package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A scope grant of the run was revoked for a stated reason. */
@Revision("1")
public record EmergencyRunScopeRevoked(
        UUID tenantId,
        UUID runId,
        UUID circleId,
        UUID scopeGrantId,
        String reason,
        Instant revokedAt,
        UUID revokedByIndividualId) {}
