package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.access.Acting;
import dev.custos.api.access.Action;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Reach;
import dev.custos.command.legal.AddLegalHoldTarget;
import dev.custos.command.legal.PlaceLegalHold;
import dev.custos.events.operator.ActionMetaData;
import dev.custos.events.operator.OperatorRoleKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator audit log: exactly one row per successful operator action, none for a refused one. */
class OperatorAuditIT extends IntegrationTest {

    @Autowired
    private Commands commands;

    @Autowired
    private EventStore eventStore;

    private final UUID operator = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(UUID tenant, String query) {
        Map<?, ?> body = as(operator, tenant)
                .get("/api/operator/events" + query)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) body.get("events");
    }

    /** Audit rows may trail the command by up to a second, so reads wait for the expected count (and no longer). */
    private List<Map<String, Object>> awaitEvents(UUID tenant, String query, int expected) {
        await().atMost(Duration.ofSeconds(5)).until(() -> events(tenant, query).size() >= expected);
        return events(tenant, query);
    }

    @Test
    void eachSuccessfulActionWritesExactlyOneRow() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        UUID assignment = as(operator, tenant).assign("legal_operator", member, null);
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "rotation"))
                .expectStatus()
                .isOk();

        awaitEvents(tenant, "", 2);
        // Let a late duplicate show itself, if there were one.
        await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
        List<Map<String, Object>> rows = events(tenant, "");

        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(row -> row.get("action_key")).containsExactly("role_revoke", "role_assign");
        Map<String, Object> revoke = rows.get(0);
        assertThat(revoke.get("tenant_id")).isEqualTo(tenant.toString());
        assertThat(revoke.get("operator_individual_id")).isEqualTo(operator.toString());
        assertThat(revoke.get("subject_type")).isEqualTo("operator_role_assignment");
        assertThat(revoke.get("subject_id")).isEqualTo(assignment.toString());
        assertThat(((Map<?, ?>) revoke.get("payload")).get("reason")).isEqualTo("rotation");
    }

    @Test
    void aRefusedActionWritesNoRow() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        // 403: the member holds no role.
        as(member, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", member))
                .expectStatus()
                .isForbidden();
        // 400 and 409: refused by validation and by the aggregate.
        as(operator, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "legal_operator"))
                .expectStatus()
                .isBadRequest();
        as(operator, tenant)
                .post(
                        "/api/operator/roles/assign",
                        Map.of("role_key", "legal_operator", "individual_id", UUID.randomUUID()))
                .expectStatus()
                .isEqualTo(409);
        // One successful action afterwards, so that the processor has demonstrably caught up.
        as(operator, tenant).assign("insurance_operator", member, null);

        List<Map<String, Object>> rows = awaitEvents(tenant, "", 1);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("action_key")).isEqualTo("role_assign");
            assertThat(((Map<?, ?>) row.get("payload")).get("role_key")).isEqualTo("insurance_operator");
        });
    }

    @Test
    void theLogFiltersAndPages() {
        UUID tenant = createTenant(operator);
        UUID second = UUID.randomUUID();
        as(operator, tenant).addMember(member);
        as(operator, tenant).addMember(second);
        UUID assignment = as(operator, tenant).assign("legal_operator", member, null);
        as(operator, tenant).assign("legal_operator", second, null);
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isOk();
        awaitEvents(tenant, "", 3);

        assertThat(events(tenant, "?action_key=role_revoke")).hasSize(1);
        assertThat(events(tenant, "?subject_id=" + assignment)).hasSize(2);
        assertThat(events(tenant, "?operator_individual_id=" + operator)).hasSize(3);
        assertThat(events(tenant, "?operator_individual_id=" + member)).isEmpty();
        assertThat(events(tenant, "?subject_type=operator_role_assignment&limit=2"))
                .hasSize(2);
        assertThat(events(tenant, "?limit=2&offset=2")).hasSize(1);
        as(operator, tenant)
                .get("/api/operator/events?subject_id=abc")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void anotherTenantsLogIsInvisible() {
        UUID tenantA = createTenant(operator);
        UUID otherOperator = UUID.randomUUID();
        UUID tenantB = createTenant(otherOperator);
        as(otherOperator, tenantB).addMember(member);
        as(otherOperator, tenantB).assign("legal_operator", member, null);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> as(otherOperator, tenantB)
                                        .get("/api/operator/events")
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("events")
                                instanceof List<?> list
                        && list.size() == 1);
        assertThat(events(tenantA, "")).isEmpty();
    }

    /**
     * An action of several commands is one row: every command carries the action's id, and the row is keyed by it.
     * Here one action places a hold and extends it; both events carry the action, and the log holds it once.
     */
    @Test
    void anActionOfSeveralCommandsIsOneRow() {
        Caller legal = legalOperatorOfNewTenant();
        UUID evidence = Evidence.uploadId(legal, "Memo");
        UUID action = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        Map<String, String> metaData = Map.of(
                ActionMetaData.ACTION_ID,
                action.toString(),
                ActionMetaData.ACTION_KEY,
                "hold_create",
                ActionMetaData.TENANT_ID,
                legal.tenant().toString(),
                ActionMetaData.OPERATOR_ID,
                legal.individual().toString(),
                ActionMetaData.SUBJECT_TYPE,
                "legal_hold",
                ActionMetaData.SUBJECT_ID,
                hold.toString());
        Reach reach = Reach.tenantWide(Set.of());
        commands.call(
                        new PlaceLegalHold(
                                hold, legal.tenant(), null, "Held", "litigation", false, legal.individual(), reach),
                        metaData,
                        Object.class)
                .block();
        commands.call(
                        new AddLegalHoldTarget(
                                hold, legal.tenant(), "evidence_object", evidence, null, legal.individual(), reach),
                        metaData,
                        Object.class)
                .block();

        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM domain_event_entry " + "WHERE aggregate_identifier = '" + hold
                                + "' AND convert_from(meta_data, 'UTF8') LIKE '%" + action + "%'"))
                .isEqualTo(2);
        Map<?, ?> body = legal.get("/api/operator/events?subject_id=" + hold)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) body.get("events")).singleElement().satisfies(one -> {
            Map<?, ?> row = (Map<?, ?>) one;
            assertThat(row.get("id")).isEqualTo(action.toString());
            assertThat(row.get("action_key")).isEqualTo("hold_create");
        });
    }

    /** An action that sends no command is still one row: its view is an event of no aggregate, with the metadata. */
    @Test
    void aViewOnlyActionIsOneRow() {
        Caller legal = legalOperatorOfNewTenant();
        UUID subject = UUID.randomUUID();
        UUID actionId = UUID.randomUUID();
        ActionSpec<NoBody> view = ActionSpec.get(
                        "/api/operator/things/{id}/dashboard", RequiredRole.of(OperatorRoleKey.LEGAL_OPERATOR))
                .audited("thing_dashboard_view", "thing");
        Acting acting = new Acting(
                new RequestContext(legal.tenant(), null, legal.individual()),
                Reach.tenantWide(Set.of()),
                null,
                subject);
        new Action<>(view, acting, new NoBody(), actionId, subject, commands)
                .recordView(Instant.parse("2026-12-02T10:00:00Z"))
                .block();

        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM domain_event_entry "
                                + "WHERE payload_type LIKE '%OperatorViewed' AND aggregate_identifier = event_identifier "
                                + "AND convert_from(meta_data, 'UTF8') LIKE '%" + actionId + "%'"))
                .isOne();
        Map<?, ?> body = legal.get("/api/operator/events?subject_id=" + subject)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) body.get("events")).singleElement().satisfies(one -> {
            Map<?, ?> row = (Map<?, ?>) one;
            assertThat(row.get("id")).isEqualTo(actionId.toString());
            assertThat(row.get("action_key")).isEqualTo("thing_dashboard_view");
            assertThat(row.get("subject_type")).isEqualTo("thing");
        });
    }

    /**
     * The service reads an event stored before actions carried metadata through the upcaster: the event comes back
     * from the event store with the action it used to declare, so a replay of the audit log writes its row again.
     */
    @Test
    void anEventStoredBeforeActionsCarriedMetaDataComesBackWithItsAction() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID hold = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"tenantId\":\"" + tenant + "\",\"holdId\":\"" + hold + "\",\"circleId\":null,"
                + "\"title\":\"Held\",\"reason\":\"litigation\",\"restrictSharing\":false,"
                + "\"placedAt\":\"2026-11-20T08:00:00Z\",\"placedByIndividualId\":\"" + operator + "\"}";
        try (Connection db = TestDatabase.superuser(databaseName());
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO domain_event_entry "
                                + "(event_identifier, payload, payload_revision, payload_type, time_stamp, aggregate_identifier, "
                                + "sequence_number, type, meta_data) VALUES (?, ?, '1', "
                                + "'dev.custos.events.legal.LegalHoldPlaced', '2026-11-20T08:00:00.004Z', ?, 0, 'LegalHold', ?)")) {
            insert.setString(1, eventId);
            insert.setBytes(2, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(3, hold.toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        MetaData read = eventStore.readEvents(hold.toString()).next().getMetaData();

        assertThat(read)
                .containsEntry(ActionMetaData.ACTION_ID, eventId)
                .containsEntry(ActionMetaData.ACTION_KEY, "hold_create")
                .containsEntry(ActionMetaData.SUBJECT_ID, hold.toString())
                .containsEntry(ActionMetaData.OPERATOR_ID, operator.toString())
                .containsEntry(ActionMetaData.OCCURRED_AT, "2026-11-20T08:00:00Z");
    }
}
