package dev.custos.events.upcasting;

import static dev.custos.events.operator.ActionMetaData.ACTION_ID;
import static dev.custos.events.operator.ActionMetaData.ACTION_KEY;
import static dev.custos.events.operator.ActionMetaData.CIRCLE_ID;
import static dev.custos.events.operator.ActionMetaData.OCCURRED_AT;
import static dev.custos.events.operator.ActionMetaData.OPERATOR_ID;
import static dev.custos.events.operator.ActionMetaData.SUBJECT_ID;
import static dev.custos.events.operator.ActionMetaData.SUBJECT_TYPE;
import static dev.custos.events.operator.ActionMetaData.TENANT_ID;

import dev.custos.events.canonical.PlainJson;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events stored before operator actions carried their metadata (migration V11's release) said what the audit log
 * calls them from their own classes. Those classes no longer say it, so this reads the same words back onto such an
 * event as metadata, from its payload: a replay of the audit log then writes exactly the row the event wrote when
 * it was new, with the event id as the action id and the event's own time. The payload is not changed, and an
 * event that already carries an action is left alone.
 */
public final class ActionMetaDataUpcaster extends SingleEventUpcaster {

    /** What each formerly self-describing event said of itself: its action key, subject and acting operator. */
    private record Audited(
            String actionKey, String subjectType, String subjectField, String operatorField, String timeField) {}

    private static final Map<String, Audited> AUDITED = Map.of(
            LegalHoldPlaced.class.getName(),
            new Audited("hold_create", "legal_hold", "holdId", "placedByIndividualId", "placedAt"),
            LegalHoldReleased.class.getName(),
            new Audited("hold_release", "legal_hold", "holdId", "releasedByIndividualId", "releasedAt"),
            LegalHoldTargetAdded.class.getName(),
            new Audited("hold_add_target", "legal_hold", "holdId", "addedByIndividualId", "addedAt"),
            OperatorRoleAssigned.class.getName(),
            new Audited(
                    "role_assign", "operator_role_assignment", "assignmentId", "assignedByIndividualId", "assignedAt"),
            OperatorRoleRevoked.class.getName(),
            new Audited(
                    "role_revoke", "operator_role_assignment", "assignmentId", "revokedByIndividualId", "revokedAt"),
            GrantLifetimeLimitSet.class.getName(),
            new Audited("tenant_grant_lifetime_set", "tenant", "tenantId", "setByIndividualId", "setAt"));

    private static final JsonMapper JSON = PlainJson.MAPPER;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return AUDITED.containsKey(event.getType().getName())
                && "1".equals(event.getType().getRevision())
                && !event.getMetaData().getObject().containsKey(ACTION_ID);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        Audited audited = AUDITED.get(event.getType().getName());
        JsonNode payload = JSON.readTree(event.getData(byte[].class).getData());
        Map<String, String> action = new HashMap<>();
        action.put(ACTION_ID, event.getMessageIdentifier());
        action.put(ACTION_KEY, audited.actionKey());
        action.put(TENANT_ID, text(payload, "tenantId"));
        action.put(SUBJECT_TYPE, audited.subjectType());
        action.put(SUBJECT_ID, text(payload, audited.subjectField()));
        action.put(OCCURRED_AT, text(payload, audited.timeField()));
        putIfPresent(action, OPERATOR_ID, text(payload, audited.operatorField()));
        putIfPresent(action, CIRCLE_ID, text(payload, "circleId"));
        return event.upcast(
                event.getType(), byte[].class, bytes -> bytes, metaData -> metaData.mergedWith(MetaData.from(action)));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void putIfPresent(Map<String, String> action, String key, String value) {
        if (value != null) {
            action.put(key, value);
        }
    }
}
