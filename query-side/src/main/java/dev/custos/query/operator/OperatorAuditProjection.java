package dev.custos.query.operator;

import static dev.custos.events.operator.ActionMetaData.ACTION_ID;
import static dev.custos.events.operator.ActionMetaData.ACTION_KEY;
import static dev.custos.events.operator.ActionMetaData.BILLABLE;
import static dev.custos.events.operator.ActionMetaData.CIRCLE_ID;
import static dev.custos.events.operator.ActionMetaData.OCCURRED_AT;
import static dev.custos.events.operator.ActionMetaData.OPERATOR_ID;
import static dev.custos.events.operator.ActionMetaData.SUBJECT_ID;
import static dev.custos.events.operator.ActionMetaData.SUBJECT_TYPE;
import static dev.custos.events.operator.ActionMetaData.TENANT_ID;

import dev.custos.events.chain.SecretFields;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one {@code cc_operator_events} row per audited operator action: every event whose metadata names an
 * action key (see {@link dev.custos.events.operator.ActionMetaData}). The row id is the action id and the insert
 * ignores a row that is already there, so an action of several commands is one row (its first event's), and a
 * replay or a redelivery never writes an action twice. It runs in the command's own transaction: the row is
 * there the moment the command has answered, and an action whose row cannot be written is not committed either.
 * A billable action also gets its one {@code cc_usage_events} row, the same way.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class OperatorAuditProjection {

    /** The audit row shows the event's payload in the contract's snake_case, whatever the event's field names. */
    private static final JsonMapper PAYLOAD_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final TenantWrites writes;

    OperatorAuditProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        MetaData action = message.getMetaData();
        if (action.get(ACTION_KEY) == null) {
            return;
        }
        UUID tenantId = uuid(action, TENANT_ID);
        writes.as(tenantId)
                .update(
                        "INSERT INTO cc_operator_events (id, tenant_id, circle_id, operator_individual_id, action_key, "
                                + "subject_type, subject_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                                + "ON CONFLICT (id) DO NOTHING",
                        uuid(action, ACTION_ID),
                        tenantId,
                        uuid(action, CIRCLE_ID),
                        uuid(action, OPERATOR_ID),
                        action.get(ACTION_KEY),
                        action.get(SUBJECT_TYPE),
                        uuid(action, SUBJECT_ID),
                        Timestamps.of(occurredAt(action, message)),
                        payload(event));
        if ("true".equals(action.get(BILLABLE))) {
            writes.as(tenantId)
                    .update(
                            "INSERT INTO cc_usage_events (id, tenant_id, circle_id, "
                                    + "operator_individual_id, action_key, subject_type, subject_id, occurred_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                            uuid(action, ACTION_ID),
                            tenantId,
                            uuid(action, CIRCLE_ID),
                            uuid(action, OPERATOR_ID),
                            action.get(ACTION_KEY),
                            action.get(SUBJECT_TYPE),
                            uuid(action, SUBJECT_ID),
                            Timestamps.of(occurredAt(action, message)));
        }
    }

    /**
     * The event as the audit row shows it. No event written today holds a secret (NoSecretInAnyEventTest), but the
     * row is kept for good, so a secret field is redacted here too rather than trusted to be absent.
     */
    private static String payload(Object event) {
        return PAYLOAD_JSON.writeValueAsString(
                SecretFields.redact(PAYLOAD_JSON.valueToTree(event)).payload());
    }

    /**
     * The event's timestamp as the event store keeps it, to the millisecond (Axon writes it so; the message in hand
     * while the command commits has the clock's microseconds): a replay then writes the very same time. For an
     * event stored before actions carried metadata, the time it recorded itself.
     */
    private static Instant occurredAt(MetaData action, EventMessage<?> message) {
        Object recorded = action.get(OCCURRED_AT);
        return recorded == null
                ? message.getTimestamp().truncatedTo(ChronoUnit.MILLIS)
                : Instant.parse(recorded.toString());
    }

    private static UUID uuid(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : UUID.fromString(value.toString());
    }
}
