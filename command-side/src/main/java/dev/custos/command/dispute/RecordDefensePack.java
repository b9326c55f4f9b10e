package dev.custos.command.dispute;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the sealed bundle {@code bundleId} of the dispute's evidence as a defense pack of it. */
public record RecordDefensePack(
        @TargetAggregateIdentifier UUID disputeId,
        UUID tenantId,
        UUID packId,
        UUID bundleId,
        String manifestSha256,
        int evidenceCount,
        UUID requestedBy,
        Reach reach) {}
