package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Runs;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code client_request_id}: bounded in length, and bound to the request it first came with. */
class IdempotencyKeyIT extends IntegrationTest {

    private UUID tenant;
    private Caller operator;
    private final Instant expiresAt = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void tenantWithAnOperator() {
        UUID individual = UUID.randomUUID();
        tenant = createTenant(individual);
        operator = as(individual, tenant);
    }

    private UUID grant() {
        return Shares.share(operator, expiresAt, null, null, Map.of()).grantId();
    }

    private long tokensInTenant() {
        return TestDatabase.count(
                databaseName(), "SELECT count(*) FROM cc_authority_access_tokens WHERE tenant_id = '" + tenant + "'");
    }

    @Test
    void aTokenKeyPastItsMaximumLengthIsAFieldError() {
        UUID grantId = grant();
        long before = tokensInTenant();
        for (int length : new int[] {201, 8_000, 200_000}) {
            operator.post(
                            "/api/authority/grants/" + grantId + "/tokens",
                            Map.of("client_request_id", "k".repeat(length)))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("client_request_id");
        }
        assertThat(tokensInTenant()).isEqualTo(before);
    }

    @Test
    void aTokenKeyReusedOnAnotherGrantIsAConflictAndNeverTheFirstGrantsToken() {
        UUID first = grant();
        UUID second = grant();
        Map<?, ?> issued = operator.post(
                        "/api/authority/grants/" + first + "/tokens", Map.of("client_request_id", "k-1"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Shares.SECRETS.add((String) issued.get("token"));
        operator.post("/api/authority/grants/" + first + "/tokens", Map.of("client_request_id", "k-1"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.token_id")
                .isEqualTo(issued.get("token_id"))
                .jsonPath("$.token")
                .doesNotExist();
        operator.post("/api/authority/grants/" + second + "/tokens", Map.of("client_request_id", "k-1"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.token_id")
                .doesNotExist();
    }

    @Test
    void aGrantKeyReusedWithADifferentRequestIsAConflict() {
        Map<String, Object> body = Map.of(
                "grant_type",
                "insurer",
                "title",
                "Claim 9",
                "expires_at",
                expiresAt.toString(),
                "client_request_id",
                "g-1");
        Object id = operator.post("/api/authority/grants", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        operator.post("/api/authority/grants", body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
        operator.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "Another claim",
                                "expires_at",
                                expiresAt.toString(),
                                "client_request_id",
                                "g-1"))
                .expectStatus()
                .isEqualTo(409);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_authority_access_grants WHERE " + "tenant_id = '" + tenant
                                + "' AND client_request_id = 'g-1'"))
                .isOne();
    }

    private long rows(String table, String key) {
        return TestDatabase.count(
                databaseName(),
                "SELECT count(*) FROM " + table + " WHERE tenant_id = '" + tenant + "' AND client_request_id = '" + key
                        + "'");
    }

    @Test
    void aRepeatedShareAnswersTheOriginalGrantAndTokenWithoutTheLink() {
        operator.assign("emergency_operator", operator.individual(), null);
        String share = Runs.withARecordPack(operator);
        Map<String, Object> body = new HashMap<>(Map.of(
                "grant_type",
                "adjuster",
                "title",
                "Flood record",
                "expires_at",
                expiresAt.toString(),
                "client_request_id",
                "s-1"));
        Map<?, ?> first = operator.post(share, body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String link = (String) first.get("share_url");
        Shares.SECRETS.add(link.substring(link.indexOf("#token=") + 7));

        operator.post(share, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.grant_id")
                .isEqualTo(first.get("grant_id"))
                .jsonPath("$.token_id")
                .isEqualTo(first.get("token_id"))
                .jsonPath("$.expires_at")
                .isEqualTo(first.get("expires_at"))
                .jsonPath("$.share_url")
                .doesNotExist()
                .jsonPath("$.token")
                .doesNotExist();
        assertThat(rows("cc_authority_access_grants", "s-1")).isOne();
        assertThat(rows("cc_authority_access_tokens", "s-1")).isOne();

        // The same key with another body, or for another object, is another request.
        body.put("title", "Another record");
        operator.post(share, body)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.grant_id")
                .doesNotExist();
        body.put("title", "Flood record");
        operator.post(Runs.withARecordPack(operator), body).expectStatus().isEqualTo(409);
        assertThat(rows("cc_authority_access_grants", "s-1")).isOne();
        assertThat(rows("cc_authority_access_tokens", "s-1")).isOne();
    }

    @Test
    void aRepeatedRunStartInTheCircleOfItsHeaderAnswersTheOriginalRun() {
        operator.assign("emergency_operator", operator.individual(), null);
        Caller inCircle = operator.inCircle(operator.circleWith(operator.individual()));
        Map<String, Object> body = Map.of("run_type", "flood", "title", "Basement flood", "client_request_id", "r-1");
        Object id = inCircle.post("/api/operator/emergency/runs/start", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        inCircle.post("/api/operator/emergency/runs/start", body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
        // Without the header the same body asks for a tenant-wide run: another request.
        operator.post("/api/operator/emergency/runs/start", body).expectStatus().isEqualTo(409);
        assertThat(rows("cc_emergency_runs", "r-1")).isOne();
    }

    @Test
    void aRepeatedGrantInTheCircleOfItsHeaderAnswersTheOriginalAndElsewhereIsAConflict() {
        Caller inCircle = operator.inCircle(operator.circleWith(operator.individual()));
        Map<String, Object> body = Map.of(
                "grant_type",
                "insurer",
                "title",
                "Claim 9",
                "expires_at",
                expiresAt.toString(),
                "client_request_id",
                "g-2");
        Object id = inCircle.post("/api/authority/grants", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
        inCircle.post("/api/authority/grants", body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id);
        operator.post("/api/authority/grants", body).expectStatus().isEqualTo(409);
        assertThat(rows("cc_authority_access_grants", "g-2")).isOne();
    }
}
