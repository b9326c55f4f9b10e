package dev.custos.command.emergency;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the run that a sealed bundle of its captures is its newest record pack. */
public record RecordRunPack(
        @TargetAggregateIdentifier UUID runId,
        UUID tenantId,
        UUID bundleId,
        String manifestSha256,
        int captureCount,
        UUID requestedBy,
        Reach reach) {}
