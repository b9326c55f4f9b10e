package dev.custos.api.evidence;

import dev.custos.command.evidence.EvidenceRegistry;
import dev.custos.command.evidence.ManifestMember;
import dev.custos.query.evidence.CommittedEvidence;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Gives the write model the read model's evidence, as committed, inside the command's own transaction. */
@Component
class EvidenceRegistryAdapter implements EvidenceRegistry {

    private final CommittedEvidence committed;

    EvidenceRegistryAdapter(CommittedEvidence committed) {
        this.committed = committed;
    }

    @Override
    public Map<UUID, ManifestMember> members(UUID tenantId, Collection<UUID> evidenceIds) {
        return committed.lockedForShare(tenantId, evidenceIds).stream()
                .collect(Collectors.toMap(
                        CommittedEvidence.Member::id,
                        member -> new ManifestMember(
                                member.id(),
                                member.circleId(),
                                member.title(),
                                member.contentSha256(),
                                member.contentBytes(),
                                member.sealed(),
                                member.destroyed())));
    }
}
