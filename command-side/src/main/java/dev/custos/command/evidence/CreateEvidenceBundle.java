package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.List;
import java.util.UUID;

/**
 * Put evidence objects of the tenant together in an open bundle of {@code circleId} ({@code null}: the whole
 * tenant); every member must be tenant-wide or of that circle.
 */
public record CreateEvidenceBundle(
        UUID bundleId,
        UUID tenantId,
        UUID circleId,
        String title,
        List<UUID> evidenceIds,
        UUID requestedBy,
        Reach reach) {}
