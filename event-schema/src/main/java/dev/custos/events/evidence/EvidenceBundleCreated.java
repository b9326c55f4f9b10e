package dev.custos.events.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** An open bundle of evidence objects was put together; its members are fixed from now on. */
@Revision("1")
public record EvidenceBundleCreated(
        UUID tenantId,
        UUID bundleId,
        String title,
        List<UUID> evidenceIds,
        Instant createdAt,
        UUID createdByIndividualId) {
}
