package dev.custos.command.evidence;

import java.util.List;
import java.util.UUID;

import dev.custos.command.Reach;

/** Put evidence objects of the tenant together in an open bundle. */
public record CreateEvidenceBundle(UUID bundleId, UUID tenantId, String title, List<UUID> evidenceIds,
                                   UUID requestedBy,
        Reach reach) {
}
