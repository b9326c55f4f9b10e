package dev.custos.query.operator;

import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import dev.custos.events.operator.OperatorAction;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one {@code cc_operator_events} row for every {@link OperatorAction} event. The row id is the event id and
 * the insert ignores a row that is already there, so a replay or a redelivery never writes an action twice.
 * It runs in the command's own transaction: the row is there the moment the command has answered, and an action
 * whose row cannot be written is not committed either.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class OperatorAuditProjection {

    private static final JsonMapper PAYLOAD_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final TenantWrites writes;

    OperatorAuditProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(OperatorAction action, EventMessage<?> message) {
        writes.as(action.tenantId()).update(
                "INSERT INTO cc_operator_events (id, tenant_id, circle_id, operator_individual_id, action_key, "
                        + "subject_type, subject_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                        + "ON CONFLICT (id) DO NOTHING",
                UUID.fromString(message.getIdentifier()), action.tenantId(), action.circleId(),
                action.operatorIndividualId(), action.actionKey(), action.subjectType(), action.subjectId(),
                Timestamps.of(action.occurredAt()), PAYLOAD_JSON.writeValueAsString(action));
    }
}
