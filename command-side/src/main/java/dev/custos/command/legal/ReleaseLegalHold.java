package dev.custos.command.legal;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Release a hold, for a stated reason. */
public record ReleaseLegalHold(
        @TargetAggregateIdentifier UUID holdId, UUID tenantId, String reason, UUID requestedBy, Reach reach) {}
