package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An individual became a member of a tenant. */
@Revision("1")
public record TenantMemberAdded(
        UUID tenantId, UUID individualId, String displayName, UUID addedByIndividualId, Instant addedAt) {}
