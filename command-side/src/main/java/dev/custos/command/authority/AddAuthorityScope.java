package dev.custos.command.authority;

import dev.custos.command.Reach;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Let a grant's readers see one object. {@code objectSealed} is the object's state as the read model holds it;
 * sealing never reverts, so a read just before the command is safe to decide on.
 */
public record AddAuthorityScope(
        @TargetAggregateIdentifier UUID grantId,
        UUID tenantId,
        UUID scopeId,
        String scopeType,
        UUID scopeObjectId,
        boolean objectSealed,
        String label,
        String notes,
        UUID scopeObjectCircleId,
        UUID requestedBy,
        Reach reach) {}
