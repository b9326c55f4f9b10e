package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A circle, a smaller group inside a tenant that data and roles can be scoped to, was created. */
@Revision("1")
public record CircleCreated(UUID tenantId, UUID circleId, String name, UUID createdByIndividualId, Instant createdAt) {}
