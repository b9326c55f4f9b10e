package dev.custos.events.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An open bundle of evidence objects was put together; its members are fixed from now on. {@code circleId} is the
 * circle the bundle belongs to ({@code null}: the whole tenant); revision 1 had none, and reads back as tenant-wide.
 */
@Revision("2")
public record EvidenceBundleCreated(
        UUID tenantId,
        UUID bundleId,
        UUID circleId,
        String title,
        List<UUID> evidenceIds,
        Instant createdAt,
        UUID createdByIndividualId) {}
