package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/** A tenant created a share for an outside reader. Only the passcode's argon2id hash is kept, never the passcode. */
@Revision("1")
public record AuthorityGrantCreated(
        UUID tenantId, UUID grantId, UUID circleId, UUID portalId, String grantType, String title, String description,
        Instant expiresAt, Integer maxViews, boolean requirePasscode, String passcodeHash, boolean allowUnsealed,
        String clientRequestId, Instant createdAt, UUID createdByIndividualId) {
}
