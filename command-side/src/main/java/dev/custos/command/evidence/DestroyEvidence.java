package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Destroy an evidence object, unless any active legal hold covers it. */
public record DestroyEvidence(
        @TargetAggregateIdentifier UUID evidenceId, UUID tenantId, UUID requestedBy, Reach reach) {}
