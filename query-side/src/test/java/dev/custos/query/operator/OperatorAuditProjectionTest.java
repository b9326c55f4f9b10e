package dev.custos.query.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.events.operator.ActionMetaData;
import dev.custos.query.QueryDatabase;
import dev.custos.query.tenancy.TenantScope;

/**
 * The operator audit log is built from the action metadata on events: one row per action id, whatever the number of
 * events or how often they are delivered, none for an event of no audited action, and only the tenant's own rows
 * for its readers.
 */
class OperatorAuditProjectionTest {

    private static QueryDatabase db;
    private static OperatorAuditProjection projection;
    private static OperatorEventReader reader;

    private final UUID tenant = UUID.randomUUID();
    private final UUID operator = UUID.randomUUID();
    private final UUID hold = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-02T10:00:00Z");

    @BeforeAll
    static void database() {
        db = QueryDatabase.fresh();
        projection = new OperatorAuditProjection(db.writes);
        reader = new OperatorEventReader(db.reads);
    }

    private EventMessage<?> event(Object payload, UUID action, String key) {
        Map<String, String> metaData = new HashMap<>(Map.of(ActionMetaData.ACTION_ID, action.toString(),
                ActionMetaData.TENANT_ID, tenant.toString(), ActionMetaData.OPERATOR_ID, operator.toString()));
        if (key != null) {
            metaData.put(ActionMetaData.ACTION_KEY, key);
            metaData.put(ActionMetaData.SUBJECT_TYPE, "legal_hold");
            metaData.put(ActionMetaData.SUBJECT_ID, hold.toString());
        }
        return GenericEventMessage.asEventMessage(payload).andMetaData(metaData);
    }

    private void project(EventMessage<?>... events) {
        db.inTransaction(() -> {
            for (EventMessage<?> event : events) {
                projection.on(event.getPayload(), event);
            }
        });
    }

    private List<OperatorEventView> rows(UUID readerTenant) {
        return reader.find(new TenantScope(readerTenant, operator), new OperatorEventFilter(null, null, hold, null,
                null), 50, 0).collectList().block();
    }

    @Test
    void anActionIsOneRowHoweverManyEventsItHasAndHoweverOftenTheyArrive() {
        UUID action = UUID.randomUUID();
        EventMessage<?> placed = event(new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at,
                operator), action, "hold_create");
        EventMessage<?> extended = event(new LegalHoldTargetAdded(tenant, hold, null, "evidence_object",
                UUID.randomUUID(), at, operator), action, "hold_create");
        project(placed, extended);
        project(placed, extended);

        assertThat(rows(tenant)).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(action);
            assertThat(row.actionKey()).isEqualTo("hold_create");
            assertThat(row.subjectType()).isEqualTo("legal_hold");
            assertThat(row.operatorIndividualId()).isEqualTo(operator);
            assertThat(row.payload().toString()).contains("\"title\":\"Held\"", "\"reason\":\"litigation\"");
        });
    }

    @Test
    void anEventOfNoAuditedActionWritesNoRow() {
        project(event(new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                UUID.randomUUID(), null));

        assertThat(db.count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = ?", tenant)).isZero();
    }

    @Test
    void anotherTenantReadsNoneOfTheRows() {
        project(event(new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                UUID.randomUUID(), "hold_create"));

        assertThat(rows(tenant)).hasSize(1);
        assertThat(rows(UUID.randomUUID())).isEmpty();
    }
}
