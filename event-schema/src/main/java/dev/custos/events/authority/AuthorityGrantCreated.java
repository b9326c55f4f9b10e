package dev.custos.events.authority;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A tenant created a share for an outside reader. It records only that a passcode is required: the passcode's hash
 * is a secret (whoever reads it can guess the passcode offline), so it lives in its one table, never in an event.
 * Revision 1 carried the hash; {@code AuthorityGrantCreatedUpcaster} reads such an event without it.
 */
@Revision("2")
public record AuthorityGrantCreated(
        UUID tenantId,
        UUID grantId,
        UUID circleId,
        UUID portalId,
        String grantType,
        String title,
        String description,
        Instant expiresAt,
        Integer maxViews,
        boolean requirePasscode,
        boolean allowUnsealed,
        String clientRequestId,
        Instant createdAt,
        UUID createdByIndividualId) {}
