package dev.custos.api.it;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Bearer tokens: forged, expired or malformed ones are refused, and only admins create tenants. */
class AuthenticationIT extends IntegrationTest {

    private final UUID operator = UUID.randomUUID();

    private Map<String, Object> tenantBody() {
        return Map.of("name", "Acme", "first_operator_individual_id", operator);
    }

    @Test
    void noTokenIsUnauthorizedWithAProblem() {
        http().get()
                .uri("/api/operator/roles")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsUnauthorized() {
        String forged = Jwts.sign(
                "an-attackers-secret-that-is-long-enough-0123",
                operator.toString(),
                "custos:admin",
                Instant.now().plusSeconds(600));
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(forged))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String expired = Jwts.sign(
                Jwts.SECRET, operator.toString(), "custos:admin", Instant.now().minusSeconds(600));
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(expired))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aSubjectThatIsNotAnIndividualIdIsUnauthorized() {
        String token =
                Jwts.sign(Jwts.SECRET, "root", "custos:admin", Instant.now().plusSeconds(600));
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void onlyAPlatformAdminCreatesTenants() {
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(Jwts.forIndividual(operator)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tenantBody())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void creatingATenantWithAnExistingIdIsAConflict() {
        UUID tenantId = UUID.randomUUID();
        Map<String, Object> body =
                Map.of("tenant_id", tenantId, "name", "Acme", "first_operator_individual_id", operator);
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.tenant_id")
                .isEqualTo(tenantId.toString());
        http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID())))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void theAdminScopeAloneGrantsNothingInsideATenant() {
        UUID admin = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        http().get()
                .uri("/api/operator/roles")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forAdmin(admin));
                    h.set("x-tenant-id", tenant.toString());
                })
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aMissingOrMalformedTenantHeaderIsABadRequest() {
        http().get()
                .uri("/api/operator/roles")
                .headers(h -> h.setBearerAuth(Jwts.forIndividual(operator)))
                .exchange()
                .expectStatus()
                .isBadRequest();
        http().get()
                .uri("/api/operator/roles")
                .headers(h -> {
                    h.setBearerAuth(Jwts.forIndividual(operator));
                    h.set("x-tenant-id", "acme");
                })
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
