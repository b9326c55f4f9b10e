package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's maximum grant and token lifetime: 90 days by default, set by a platform operator, audited. */
class GrantLifetimeIT extends IntegrationTest {

    private UUID tenant;
    private Caller platform;

    @BeforeEach
    void tenantWithAPlatformOperator() {
        UUID individual = UUID.randomUUID();
        tenant = createTenant(individual);
        platform = as(individual, tenant);
    }

    private int grantFor(Duration lifetime) {
        return grantUntil(Instant.now().plus(lifetime).toString());
    }

    private int grantUntil(String expiresAt) {
        return platform.post(
                        "/api/authority/grants",
                        Map.of("grant_type", "insurer", "title", "Claim 12", "expires_at", expiresAt))
                .expectBody()
                .returnResult()
                .getStatus()
                .value();
    }

    private long grantsInTenant() {
        return TestDatabase.count(
                databaseName(), "SELECT count(*) FROM cc_authority_access_grants WHERE tenant_id = '" + tenant + "'");
    }

    @Test
    void aLinkThatNeverExpiresIsRefusedAndTheDefaultIsNinetyDays() {
        platform.get("/api/tenants/settings")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.max_grant_lifetime_days")
                .isEqualTo(90);
        platform.post(
                        "/api/authority/grants",
                        Map.of("grant_type", "insurer", "title", "Forever", "expires_at", "9999-12-31T23:59:59Z"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("expires_at is later than the tenant's maximum grant lifetime of 90 days");
        assertThat(grantFor(Duration.ofDays(91))).isEqualTo(400);
        assertThat(grantsInTenant()).isZero();
        assertThat(grantFor(Duration.ofDays(89))).isEqualTo(201);
    }

    @Test
    void aPlatformOperatorLowersTheLimitThroughAnAuditedAction() {
        platform.post("/api/tenants/settings/grant-lifetime", Map.of("max_grant_lifetime_days", 30))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.max_grant_lifetime_days")
                .isEqualTo(30);
        assertThat(grantFor(Duration.ofDays(31))).isEqualTo(400);
        assertThat(grantFor(Duration.ofDays(29))).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> platform.get("/api/operator/events?action_key=tenant_grant_lifetime_set")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody()
                        .contains("\"subject_id\":\"" + tenant));
    }

    @Test
    void aTokenAskedToOutliveTheLimitIsRefused() {
        platform.post("/api/tenants/settings/grant-lifetime", Map.of("max_grant_lifetime_days", 10))
                .expectStatus()
                .isOk();
        Map<?, ?> grant = platform.post(
                        "/api/authority/grants",
                        Map.of(
                                "grant_type",
                                "insurer",
                                "title",
                                "Claim",
                                "expires_at",
                                Instant.now().plus(Duration.ofDays(9)).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        platform.post(
                        "/api/authority/grants/" + grant.get("id") + "/tokens",
                        Map.of(
                                "expires_at",
                                Instant.now().plus(Duration.ofDays(11)).toString()))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void outOfBoundsOrByAnotherRoleChangesNothing() {
        for (int days : new int[] {0, 3651}) {
            platform.post("/api/tenants/settings/grant-lifetime", Map.of("max_grant_lifetime_days", days))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("max_grant_lifetime_days");
        }
        UUID legal = UUID.randomUUID();
        platform.addMember(legal);
        platform.assign("legal_operator", legal, null);
        as(legal, tenant)
                .post("/api/tenants/settings/grant-lifetime", Map.of("max_grant_lifetime_days", 5))
                .expectStatus()
                .isForbidden();
        platform.get("/api/tenants/settings")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.max_grant_lifetime_days")
                .isEqualTo(90);
    }
}
