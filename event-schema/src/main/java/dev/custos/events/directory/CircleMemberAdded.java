package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A tenant member joined a circle of that tenant. */
@Revision("1")
public record CircleMemberAdded(
        UUID tenantId, UUID circleId, UUID individualId, UUID addedByIndividualId, Instant addedAt) {}
