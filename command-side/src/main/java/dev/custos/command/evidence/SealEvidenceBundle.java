package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Seal a bundle under a manifest of its members as they are committed when the command runs. */
public record SealEvidenceBundle(
        @TargetAggregateIdentifier UUID bundleId, UUID tenantId, UUID requestedBy, Reach reach) {}
