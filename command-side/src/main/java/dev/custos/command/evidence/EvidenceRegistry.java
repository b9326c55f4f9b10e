package dev.custos.command.evidence;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The evidence objects of a tenant as committed, read inside the command's own transaction: what a bundle is made
 * of and sealed with is decided there, not from a read taken before the command. The rows read stay locked against
 * a concurrent change (a destruction, say) until the transaction ends.
 */
public interface EvidenceRegistry {

    /** The named objects of the tenant, by id; an id that is not the tenant's is absent. */
    Map<UUID, ManifestMember> members(UUID tenantId, Collection<UUID> evidenceIds);
}
