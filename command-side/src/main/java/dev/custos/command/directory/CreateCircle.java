package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a circle in the tenant. */
public record CreateCircle(
        @TargetAggregateIdentifier UUID tenantId, UUID circleId, String name, UUID requestedBy, Reach reach) {}
