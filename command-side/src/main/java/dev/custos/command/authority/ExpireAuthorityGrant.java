package dev.custos.command.authority;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark a grant expired if it is past its expiry: done on access, when someone tries to use it. */
public record ExpireAuthorityGrant(
        @TargetAggregateIdentifier UUID grantId, UUID tenantId) {}
