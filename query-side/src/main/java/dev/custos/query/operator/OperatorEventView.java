package dev.custos.query.operator;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One row of the operator audit log. */
public record OperatorEventView(
        UUID id,
        UUID tenantId,
        UUID circleId,
        UUID operatorIndividualId,
        String actionKey,
        String subjectType,
        UUID subjectId,
        Instant occurredAt,
        Instant createdAt,
        JsonNode payload) {}
