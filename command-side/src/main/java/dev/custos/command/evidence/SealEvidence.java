package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Seal an evidence object: from then on it is immutable. */
public record SealEvidence(@TargetAggregateIdentifier UUID evidenceId, UUID tenantId, UUID requestedBy, Reach reach) {}
