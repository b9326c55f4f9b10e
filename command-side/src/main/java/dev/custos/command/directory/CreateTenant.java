package dev.custos.command.directory;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a tenant with its first platform operator. */
public record CreateTenant(
        @TargetAggregateIdentifier UUID tenantId,
        String name,
        UUID firstOperatorIndividualId,
        UUID firstOperatorAssignmentId,
        UUID requestedBy) {}
