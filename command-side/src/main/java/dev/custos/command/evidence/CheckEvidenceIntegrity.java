package dev.custos.command.evidence;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the hash of the blob as just read back from storage. */
public record CheckEvidenceIntegrity(
        @TargetAggregateIdentifier UUID evidenceId,
        UUID tenantId,
        String computedSha256,
        UUID requestedBy,
        Reach reach) {}
