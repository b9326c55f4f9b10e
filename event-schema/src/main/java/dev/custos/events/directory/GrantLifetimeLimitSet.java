package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A platform operator set how long, at most, the tenant's authority grants and tokens may live. */
@Revision("1")
public record GrantLifetimeLimitSet(UUID tenantId, int maxLifetimeDays, UUID setByIndividualId, Instant setAt) {}
