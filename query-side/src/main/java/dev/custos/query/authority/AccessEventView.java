package dev.custos.query.authority;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One row of a grant's access log. */
public record AccessEventView(
        UUID id,
        String eventType,
        UUID tokenId,
        Instant eventAt,
        String ip,
        String userAgent,
        String path,
        JsonNode eventPayload) {}
