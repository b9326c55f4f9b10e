package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The hostile test's times, each sent as it was found: before the edge's one time rule they were stored as
 * {@code -infinity}, served back as another instant, or answered 500. Each is now a 400 problem naming the field
 * with nothing stored, or (in range) served back exactly.
 */
class TimeReproductionsIT extends IntegrationTest {

    private Caller operator;

    @BeforeEach
    void anOperatorWithEveryRole() {
        UUID individual = UUID.randomUUID();
        operator = as(individual, createTenant(individual));
        for (String role : List.of("insurance_operator", "emergency_operator")) {
            operator.assign(role, individual, null);
        }
    }

    @Test
    void aLossDateOfYearMinus999999999IsRefusedNotStoredAsMinusInfinity() {
        refused(
                operator.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-INF",
                                "policy_ref",
                                "POL-1",
                                "loss_date",
                                "-999999999-01-01",
                                "title",
                                "Hail")),
                "loss_date");
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_insurance_claims WHERE tenant_id = '" + operator.tenant() + "'"))
                .isZero();
    }

    @Test
    void anOccurredAtOfYearMinus999999999IsRefused() {
        refused(upload("-999999999-01-01T00:00:00Z"), "x-evidence-occurred-at");
        assertThat(evidenceRows()).isZero();
    }

    @Test
    void theLastNanosecondOf9999IsKeptInItsDayNotRoundedIntoTheYear10000() {
        Map<?, ?> summary = upload("9999-12-31T23:59:59.999999999Z")
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(summary.get("occurred_at")).isEqualTo("9999-12-31T23:59:59.999999Z");
        operator.get("/api/evidence/" + summary.get("id"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.occurred_at")
                .isEqualTo("9999-12-31T23:59:59.999999Z");
    }

    @Test
    void anOccurredAtOfYear294277IsRefusedNotA500() {
        refused(upload("+294277-01-01T00:00:00Z"), "x-evidence-occurred-at");
        assertThat(evidenceRows()).isZero();
    }

    @Test
    void aUsagePeriodEndingInYear294277IsRefusedNotA500() {
        refused(operator.get("/api/usage?from=2020-01-01T00:00:00Z&to=%2B294277-01-01T00:00:00Z"), "to");
    }

    @Test
    void aRunScopeExpiringInYear999999999IsRefusedNotA500() {
        UUID member = UUID.randomUUID();
        operator.addMember(member);
        Map<?, ?> run = operator.post(
                        "/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Flood"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        refused(
                operator.post(
                        "/api/operator/emergency/runs/" + run.get("id") + "/grant-scope",
                        Map.of(
                                "grantee_individual_id",
                                member,
                                "scope_key",
                                "site_access",
                                "expires_at",
                                "+999999999-12-31T23:59:59Z")),
                "expires_at");
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_emergency_run_scope_grants " + "WHERE tenant_id = '"
                                + operator.tenant() + "'"))
                .isZero();
    }

    private WebTestClient.ResponseSpec upload(String occurredAt) {
        return operator.http()
                .post()
                .uri("/api/evidence")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(operator.individual()));
                    h.set("x-tenant-id", operator.tenant().toString());
                    h.set("x-evidence-title", "Dated");
                    h.set("x-evidence-occurred-at", occurredAt);
                })
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(("dated " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private long evidenceRows() {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM cc_evidence_objects WHERE tenant_id = '" + operator.tenant() + "'");
    }

    private static void refused(WebTestClient.ResponseSpec answer, String field) {
        answer.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .value(message ->
                        assertThat((String) message).contains("0001-01-01").contains("9999-12-31"));
    }
}
