package dev.custos.query.operator;

import java.util.UUID;

/** The audit log filters of the operator surface; a null field does not filter. */
public record OperatorEventFilter(
        String actionKey, String subjectType, UUID subjectId, UUID operatorIndividualId, UUID circleId) {}
