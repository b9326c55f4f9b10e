package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resolve a run. The note is required: a resolution nobody explained cannot be reviewed later. */
public record ResolveEmergencyRun(
        @TargetAggregateIdentifier UUID runId, UUID tenantId, String resolutionNote, UUID requestedBy, Reach reach) {}
