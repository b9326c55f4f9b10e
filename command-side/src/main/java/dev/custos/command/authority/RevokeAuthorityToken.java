package dev.custos.command.authority;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke one token. */
public record RevokeAuthorityToken(
        @TargetAggregateIdentifier UUID tokenId, UUID tenantId, String reason, UUID requestedBy) {}
