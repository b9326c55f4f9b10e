package dev.custos.command.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An evidence registry whose objects a test sets. The real one (PostgreSQL, rows locked in the command's
 * transaction) is exercised by the HTTP integration tests; here only the aggregates' rules are under test.
 */
class StubEvidenceRegistry implements EvidenceRegistry {

    final Map<UUID, ManifestMember> objects = new HashMap<>();

    void put(ManifestMember member) {
        objects.put(member.evidenceId(), member);
    }

    @Override
    public Map<UUID, ManifestMember> members(UUID tenantId, Collection<UUID> evidenceIds) {
        Map<UUID, ManifestMember> found = new HashMap<>();
        evidenceIds.stream().filter(objects::containsKey).forEach(id -> found.put(id, objects.get(id)));
        return found;
    }
}
