package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A token was revoked, on its own or with its grant. */
@Revision("1")
public record AuthorityTokenRevoked(
        UUID tenantId, UUID grantId, UUID tokenId, String reason, Instant revokedAt, UUID revokedByIndividualId) {}
