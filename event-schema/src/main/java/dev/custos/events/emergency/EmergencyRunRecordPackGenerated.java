package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A record pack of the run was made: a sealed evidence bundle of its captures, named here with its manifest's
 * sha256. The latest one is what the run's authority share shows.
 */
@Revision("1")
public record EmergencyRunRecordPackGenerated(
        UUID tenantId,
        UUID runId,
        UUID circleId,
        UUID bundleId,
        String manifestSha256,
        int captureCount,
        Instant generatedAt,
        UUID generatedByIndividualId) {}
