package dev.custos.events.dispute;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A defense pack of the dispute was assembled: the sealed evidence bundle {@code bundleId} of all its materials'
 * evidence, whose manifest's sha256 is the pack's {@code packSha256}.
 */
@Revision("1")
public record DefensePackAssembled(
        UUID tenantId,
        UUID disputeId,
        UUID circleId,
        UUID packId,
        UUID bundleId,
        String packSha256,
        int evidenceCount,
        Instant assembledAt,
        UUID assembledByIndividualId) {}
