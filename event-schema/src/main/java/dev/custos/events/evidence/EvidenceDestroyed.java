package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An evidence object's blob was destroyed. The record of the object, its hash and its history remain. */
@Revision("1")
public record EvidenceDestroyed(
        UUID tenantId, UUID evidenceId, String blobKey, Instant destroyedAt, UUID destroyedByIndividualId) {}
