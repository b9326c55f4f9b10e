package dev.custos.query.operator;

import dev.custos.events.wire.Nullable;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One row of the operator audit log. */
public record OperatorEventView(
        UUID id,
        UUID tenantId,
        @Nullable UUID circleId,
        UUID operatorIndividualId,
        String actionKey,
        @Nullable String subjectType,
        @Nullable UUID subjectId,
        Instant occurredAt,
        Instant createdAt,
        JsonNode payload) {}
