package dev.custos.events.evidence;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An evidence object entered the chain of custody as sealed: from now on it is immutable. */
@Revision("1")
public record EvidenceSealed(UUID tenantId, UUID evidenceId, Instant sealedAt, UUID sealedByIndividualId) {}
