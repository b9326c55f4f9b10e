package dev.custos.command.directory;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the longest a grant or token of the tenant may live, in days. */
public record SetGrantLifetimeLimit(
        @TargetAggregateIdentifier UUID tenantId, int maxLifetimeDays, UUID requestedBy, Reach reach) {}
