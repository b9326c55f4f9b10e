package dev.custos.api.it;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event parks only its own sequence: the audit projection is made unable to write one hold's release
 * (a constraint added behind the service's back), and everything else still lands. Fixing the cause and retrying
 * the dead letter completes the table; meanwhile health says DEGRADED.
 */
class DeadLetterIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    private WebTestClient.ResponseSpec admin(String method, String path) {
        return http().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID()))).exchange();
    }

    private String hold(Caller legal) {
        return (String) legal.post("/api/operator/legal/holds", Map.of("title", "Held", "reason", "litigation"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private long auditRows(String action, String subject) {
        return TestDatabase.count(databaseName(), "SELECT count(*) FROM cc_operator_events WHERE action_key = '"
                + action + "' AND subject_id = '" + subject + "'");
    }

    private static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.superuser(databaseName()); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPoisonEventParksOnlyItsSequenceAndARetryCompletesTheTable() throws Exception {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("legal_operator", operator, null);
        Caller legal = as(operator, tenant);
        String poisoned = hold(legal);
        String healthy = hold(legal);
        await().atMost(Duration.ofSeconds(5)).until(() -> auditRows("hold_create", healthy) == 1);
        String constraint = "poison_" + poisoned.replace("-", "");
        sql("ALTER TABLE cc_operator_events ADD CONSTRAINT " + constraint
                + " CHECK (action_key <> 'hold_release' OR subject_id <> '" + poisoned + "')");
        try {
            legal.post("/api/operator/legal/holds/" + poisoned + "/release", Map.of("reason", "settled"))
                    .expectStatus().isOk();
            legal.post("/api/operator/legal/holds/" + healthy + "/release", Map.of("reason", "settled"))
                    .expectStatus().isOk();

            // The other sequence flows on; the poisoned one is parked, not retried forever in front of the rest.
            await().atMost(Duration.ofSeconds(10)).until(() -> auditRows("hold_release", healthy) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> ((List<Map<String, Object>>) admin("GET",
                    "/api/admin/dead-letters").expectStatus().isOk().expectBody(Map.class).returnResult()
                    .getResponseBody().get("dead_letters")).stream()
                    .anyMatch(letter -> poisoned.equals(letter.get("sequence_identifier"))));
            assertThat(auditRows("hold_release", poisoned)).isZero();
            http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("DEGRADED");
            assertThat(meters.get("custos.dead_letters").tag("processing_group", "operator-audit").gauge().value())
                    .isGreaterThanOrEqualTo(1);
            // Retrying before the cause is fixed leaves the letter where it is.
            admin("POST", "/api/admin/dead-letters/retry").expectStatus().isOk();
            assertThat(auditRows("hold_release", poisoned)).isZero();
        } finally {
            sql("ALTER TABLE cc_operator_events DROP CONSTRAINT " + constraint);
        }
        admin("POST", "/api/admin/dead-letters/retry").expectStatus().isOk()
                .expectBody().jsonPath("$.retried").isEqualTo(1).jsonPath("$.remaining").isEqualTo(0);
        assertThat(auditRows("hold_release", poisoned)).isOne();
        http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        assertThat(meters.get("custos.dead_letters").tag("processing_group", "operator-audit").gauge().value())
                .isZero();
    }

    @Test
    void onlyAPlatformAdminSeesOrRetriesDeadLetters() {
        String operator = Jwts.forIndividual(UUID.randomUUID());
        http().get().uri("/api/admin/dead-letters").headers(h -> h.setBearerAuth(operator)).exchange()
                .expectStatus().isForbidden();
        http().post().uri("/api/admin/dead-letters/retry").headers(h -> h.setBearerAuth(operator)).exchange()
                .expectStatus().isForbidden();
        http().get().uri("/api/admin/dead-letters").exchange().expectStatus().isUnauthorized();
    }
}
