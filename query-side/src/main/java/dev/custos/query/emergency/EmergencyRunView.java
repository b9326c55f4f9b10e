package dev.custos.query.emergency;

import dev.custos.events.wire.Nullable;
import dev.custos.events.wire.OneOf;
import java.time.Instant;
import java.util.UUID;

/** An emergency run as the read model holds it, with the bundle of its newest record pack (null: none yet). */
public record EmergencyRunView(
        UUID id,
        @Nullable UUID circleId,
        String runType,
        String title,
        @Nullable String summary,
        @OneOf({"active", "resolved"}) String status,
        Instant startedAt,
        UUID startedByIndividualId,
        @Nullable Instant resolvedAt,
        @Nullable UUID resolvedByIndividualId,
        @Nullable String resolutionNote,
        @Nullable UUID latestRecordPackBundleId) {}
