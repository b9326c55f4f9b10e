package dev.custos.api.operator;

import java.util.List;

import dev.custos.query.operator.OperatorEventView;

/** {@code GET /api/operator/events}: audit rows, newest first. */
public record OperatorEventsResponse(List<OperatorEventView> events) {
}
