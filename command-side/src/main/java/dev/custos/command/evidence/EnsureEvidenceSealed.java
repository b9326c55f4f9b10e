package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Have an evidence object sealed, whoever seals it: what a pack or a dossier asks of each member it lists. Unlike
 * {@link SealEvidence}, an object already sealed (by a concurrent pack, say) is no conflict, so two packs of the
 * same captures both complete instead of one failing after part of its work is committed.
 */
public record EnsureEvidenceSealed(
        @TargetAggregateIdentifier UUID evidenceId, UUID tenantId, UUID requestedBy, Reach reach) {}
