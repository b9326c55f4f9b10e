package dev.custos.query.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.events.operator.ActionMetaData;
import dev.custos.events.upcasting.ActionMetaDataUpcaster;
import dev.custos.query.QueryDatabase;
import dev.custos.query.tenancy.TenantScope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        Map<String, String> metaData = new HashMap<>(Map.of(
                ActionMetaData.ACTION_ID,
                action.toString(),
                ActionMetaData.TENANT_ID,
                tenant.toString(),
                ActionMetaData.OPERATOR_ID,
                operator.toString()));
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
        return reader.find(
                        new TenantScope(readerTenant, operator),
                        new OperatorEventFilter(null, null, hold, null, null),
                        50,
                        0)
                .collectList()
                .block();
    }

    @Test
    void anActionIsOneRowHoweverManyEventsItHasAndHoweverOftenTheyArrive() {
        UUID action = UUID.randomUUID();
        EventMessage<?> placed = event(
                new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                action,
                "hold_create");
        EventMessage<?> extended = event(
                new LegalHoldTargetAdded(tenant, hold, null, "evidence_object", UUID.randomUUID(), at, operator),
                action,
                "hold_create");
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

    /** The event store keeps an event's time to the millisecond: the row takes it so, and a replay writes the same. */
    @Test
    void theRowTakesTheEventTimeAsTheEventStoreKeepsIt() {
        UUID action = UUID.randomUUID();
        EventMessage<?> live = event(
                new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                action,
                "hold_create");
        project(new GenericEventMessage<>(live, () -> at.plusNanos(7_654_321)));

        assertThat(db.count(
                        "SELECT count(*) FROM cc_operator_events WHERE id = ? AND occurred_at = ?",
                        action,
                        java.sql.Timestamp.from(at.plusMillis(7))))
                .isOne();
    }

    @Test
    void anEventOfNoAuditedActionWritesNoRow() {
        project(event(
                new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                UUID.randomUUID(),
                null));

        assertThat(db.count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = ?", tenant))
                .isZero();
    }

    @Test
    void anotherTenantReadsNoneOfTheRows() {
        project(event(
                new LegalHoldPlaced(tenant, hold, null, "Held", "litigation", false, at, operator),
                UUID.randomUUID(),
                "hold_create"));

        assertThat(rows(tenant)).hasSize(1);
        assertThat(rows(UUID.randomUUID())).isEmpty();
    }

    /**
     * An event stored before actions carried metadata, read back through the upcaster as a replay reads it, writes
     * the row it wrote when it was new: the event id as the row id, the event's own time, the hold's circle.
     */
    @Test
    void anEventStoredBeforeActionsCarriedMetaDataRebuildsItsOwnRow() {
        UUID circle = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        LegalHoldPlaced placed = new LegalHoldPlaced(tenant, hold, circle, "Held", "litigation", false, at, operator);
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "LegalHold",
                hold.toString(),
                0,
                eventId,
                at.plusMillis(3),
                LegalHoldPlaced.class.getName(),
                "1",
                serializer.serialize(placed, byte[].class).getData(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
        MetaData upcast = new ActionMetaDataUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst()
                .orElseThrow()
                .getMetaData()
                .getObject();
        EventMessage<?> replayed =
                new GenericEventMessage<>(new GenericMessage<>(eventId, placed, upcast), () -> at.plusMillis(3));

        project(replayed);

        // The hold's circle hides the row from a reader outside it, so the row is counted as it was written.
        assertThat(db.count(
                        "SELECT count(*) FROM cc_operator_events WHERE id = ?::uuid AND tenant_id = ? "
                                + "AND action_key = 'hold_create' AND circle_id = ? AND operator_individual_id = ? "
                                + "AND subject_id = ? AND occurred_at = ?",
                        eventId,
                        tenant,
                        circle,
                        operator,
                        hold,
                        java.sql.Timestamp.from(at)))
                .isEqualTo(1);
    }

    /** An event shaped like an old grant, with its passcode's hash: what the audit row must never show. */
    record GrantWithHash(UUID tenantId, boolean requirePasscode, String passcodeHash) {}

    private static final String HASH = "$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

    @Test
    void aSecretFieldIsRedactedWhenTheRowIsWritten() {
        UUID action = UUID.randomUUID();
        project(event(new GrantWithHash(tenant, true, HASH), action, "grant_create"));

        assertThat(db.count(
                        "SELECT count(*) FROM cc_operator_events WHERE id = ? AND payload::text LIKE '%argon2id%'",
                        action))
                .isZero();
        assertThat(rows(tenant)).singleElement().satisfies(row -> {
            assertThat(row.payload().get("require_passcode").booleanValue()).isTrue();
            assertThat(row.payload().get("passcode_hash").get("sha256").stringValue())
                    .hasSize(64);
        });
    }

    /** Rows are append-only: one written before the hashes left the events still holds one, and is redacted when read. */
    @Test
    void anOldRowWithASecretIsRedactedWhenRead() {
        db.inTransaction(() -> db.writes
                .as(tenant)
                .update(
                        "INSERT INTO cc_operator_events (id, tenant_id, "
                                + "operator_individual_id, action_key, subject_type, subject_id, occurred_at, payload) "
                                + "VALUES (?, ?, ?, 'grant_create', 'authority_grant', ?, ?, ?::jsonb)",
                        UUID.randomUUID(),
                        tenant,
                        operator,
                        hold,
                        java.sql.Timestamp.from(at),
                        "{\"require_passcode\":true,\"passcode_hash\":\"" + HASH + "\"}"));

        assertThat(rows(tenant)).singleElement().satisfies(row -> {
            assertThat(row.payload().toString()).doesNotContain("argon2id").doesNotContain(HASH);
            assertThat(row.payload().get("require_passcode").booleanValue()).isTrue();
            assertThat(row.payload().get("passcode_hash").get("sha256").stringValue())
                    .matches("[0-9a-f]{64}");
        });
    }
}
