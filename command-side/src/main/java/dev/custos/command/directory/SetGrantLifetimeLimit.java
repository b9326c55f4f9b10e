package dev.custos.command.directory;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import dev.custos.command.Reach;

/** Set the longest a grant or token of the tenant may live, in days. */
public record SetGrantLifetimeLimit(@TargetAggregateIdentifier UUID tenantId, int maxLifetimeDays, UUID requestedBy,
                                    Reach reach) {
}
