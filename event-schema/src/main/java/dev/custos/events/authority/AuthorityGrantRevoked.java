package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A grant was revoked: every token of it stops working at once. */
@Revision("1")
public record AuthorityGrantRevoked(
        UUID tenantId, UUID grantId, String reason, Instant revokedAt, UUID revokedByIndividualId) {}
