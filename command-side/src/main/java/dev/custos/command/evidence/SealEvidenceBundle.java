package dev.custos.command.evidence;

import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/**
 * Seal a bundle, with the current state of its members as the read model knows it. Member hashes never change
 * and sealing never reverts, so a read taken just before the command is safe to seal with.
 */
public record SealEvidenceBundle(
        @TargetAggregateIdentifier UUID bundleId,
        UUID tenantId,
        List<ManifestMember> members,
        UUID requestedBy,
        Reach reach) {
}
