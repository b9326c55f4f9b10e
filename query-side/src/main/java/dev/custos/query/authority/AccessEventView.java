package dev.custos.query.authority;

import dev.custos.events.wire.Nullable;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One row of a grant's access log. */
public record AccessEventView(
        UUID id,
        String eventType,
        @Nullable UUID tokenId,
        Instant eventAt,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String path,
        JsonNode eventPayload) {}
