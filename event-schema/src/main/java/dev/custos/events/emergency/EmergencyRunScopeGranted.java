package dev.custos.events.emergency;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A member of the tenant was given a scope of the run (a {@code scope_key} such as {@code site_access}), until
 * {@code expiresAt} or, when that is null, until it is revoked.
 */
@Revision("1")
public record EmergencyRunScopeGranted(
        UUID tenantId,
        UUID runId,
        UUID circleId,
        UUID scopeGrantId,
        UUID granteeIndividualId,
        String scopeKey,
        Instant expiresAt,
        Instant grantedAt,
        UUID grantedByIndividualId) {}
