package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A grant past its expiry is expired wherever it is asked about, at once: its listing says so and counts no active
 * token, and it takes no new scope, although nothing has recorded the expiry yet (no portal exchange came by).
 */
class GrantExpiryIT extends IntegrationTest {

    @Test
    void aGrantIsExpiredTheMomentItsExpiryPasses() {
        UUID individual = UUID.randomUUID();
        Caller operator = as(individual, createTenant(individual));
        UUID evidence = Evidence.sealed(operator, "Roof photo");
        Map<?, ?> grant = operator.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Soon over",
                                "expires_at",
                                Instant.now().plusSeconds(2).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String grantId = (String) grant.get("id");
        Shares.token(operator, UUID.fromString(grantId), null);
        assertThat(listed(operator, grantId)).containsEntry("status", "active").containsEntry("active_token_count", 1);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(listed(operator, grantId))
                        .containsEntry("status", "expired")
                        .containsEntry("active_token_count", 0));
        operator.post(
                        "/api/authority/grants/" + grantId + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", evidence))
                .expectStatus()
                .isEqualTo(409);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listed(Caller operator, String grantId) {
        List<?> grants = (List<?>) operator.get("/api/authority/grants")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("grants");
        return grants.stream()
                .map(one -> (Map<String, Object>) one)
                .filter(one -> grantId.equals(one.get("id")))
                .findFirst()
                .orElseThrow();
    }
}
