package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operator roles over HTTP: who may act, where circle roles count, and what another tenant's ids reveal. */
class OperatorRolesIT extends IntegrationTest {

    private final UUID operator = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();

    @Test
    void theFirstOperatorOfATenantIsItsPlatformOperator() {
        UUID tenant = createTenant(operator);
        Map<?, ?> roles = as(operator, tenant)
                .get("/api/operator/roles")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(((List<?>) roles.get("roles"))
                        .stream()
                                .map(role -> String.valueOf(((Map<?, ?>) role).get("role_key")))
                                .toList())
                .containsExactly("emergency_operator", "insurance_operator", "legal_operator", "platform_operator");
        assertThat((List<?>) roles.get("assignments"))
                .singleElement()
                .satisfies(a -> assertThat(((Map<?, ?>) a).get("individual_id")).isEqualTo(operator.toString()));
    }

    @Test
    void aMemberWithoutTheRoleIsForbidden() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        as(member, tenant)
                .get("/api/operator/roles")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        as(member, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "platform_operator", "individual_id", member))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anAssignedRoleCountsAtOnce() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        as(operator, tenant).assign("platform_operator", member, null);
        // No waiting: the role tables are written in the command's transaction.
        as(member, tenant).get("/api/operator/roles").expectStatus().isOk();
    }

    @Test
    void aRevokedRoleStopsCountingAtOnce() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        UUID assignment = as(operator, tenant).assign("platform_operator", member, null);
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "left the team"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked")
                .jsonPath("$.revoke_reason")
                .isEqualTo("left the team");
        as(member, tenant).get("/api/operator/roles").expectStatus().isForbidden();
    }

    @Test
    void aCircleRoleCountsWithItsCircleAndNotWithout() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        // The assigning operator must be able to see the circle: a member of it.
        UUID circle = as(operator, tenant).circleWith(operator, member);
        as(operator, tenant).assign("platform_operator", member, circle);

        as(member, tenant)
                .inCircle(circle)
                .get("/api/operator/roles")
                .expectStatus()
                .isOk();
        as(member, tenant).get("/api/operator/roles").expectStatus().isForbidden();
    }

    @Test
    void aCircleRoleDoesNotCountInAnotherCircle() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        UUID circle = as(operator, tenant).circleWith(operator, member);
        UUID otherCircle = as(operator, tenant).circleWith(operator, member);
        as(operator, tenant).assign("platform_operator", member, circle);

        as(member, tenant)
                .inCircle(otherCircle)
                .get("/api/operator/roles")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aCircleTheCallerIsNotInIsForbidden() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        UUID circle = as(operator, tenant).circleWith(member);
        // The operator holds a tenant-wide role but is not a member of the circle.
        as(operator, tenant)
                .inCircle(circle)
                .get("/api/operator/roles")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aSpoofedIndividualIdIsForbidden() {
        UUID tenant = createTenant(operator);
        http().get()
                .uri("/api/operator/roles")
                .headers(h -> {
                    h.setBearerAuth(dev.custos.api.support.Jwts.forIndividual(member));
                    h.set("x-tenant-id", tenant.toString());
                    h.set("x-individual-id", operator.toString());
                })
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theCallersOwnIndividualIdIsAccepted() {
        UUID tenant = createTenant(operator);
        http().get()
                .uri("/api/operator/roles")
                .headers(h -> {
                    h.setBearerAuth(dev.custos.api.support.Jwts.forIndividual(operator));
                    h.set("x-tenant-id", tenant.toString());
                    h.set("x-individual-id", operator.toString());
                })
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aTenantTheCallerDoesNotBelongToIsForbidden() {
        UUID tenantA = createTenant(operator);
        UUID tenantB = createTenant(UUID.randomUUID());
        as(operator, tenantB).get("/api/operator/roles").expectStatus().isForbidden();
        as(operator, tenantA).get("/api/operator/roles").expectStatus().isOk();
    }

    @Test
    void anotherTenantsIdsAreNotFound() {
        UUID otherOperator = UUID.randomUUID();
        UUID tenantA = createTenant(operator);
        UUID tenantB = createTenant(otherOperator);
        as(otherOperator, tenantB).addMember(member);
        UUID foreignAssignment = as(otherOperator, tenantB).assign("legal_operator", member, null);
        UUID foreignCircle = as(otherOperator, tenantB).circleWith(member);

        as(operator, tenantA)
                .post("/api/operator/roles/assignments/" + foreignAssignment + "/revoke", Map.of("reason", "probing"))
                .expectStatus()
                .isNotFound();
        as(operator, tenantA)
                .post("/api/circles/" + foreignCircle + "/members", Map.of("individual_id", operator))
                .expectStatus()
                .isNotFound();
        // And tenant B's assignment is untouched.
        Map<?, ?> roles = as(otherOperator, tenantB)
                .get("/api/operator/roles")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) roles.get("assignments")).anySatisfy(a -> {
            assertThat(((Map<?, ?>) a).get("id")).isEqualTo(foreignAssignment.toString());
            assertThat(((Map<?, ?>) a).get("status")).isEqualTo("active");
        });
    }

    @Test
    void assigningTwiceOrRevokingTwiceIsAConflict() {
        UUID tenant = createTenant(operator);
        as(operator, tenant).addMember(member);
        UUID assignment = as(operator, tenant).assign("legal_operator", member, null);
        as(operator, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", member))
                .expectStatus()
                .isEqualTo(409);
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "done"))
                .expectStatus()
                .isOk();
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "again"))
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void assigningToANonMemberIsAConflict() {
        UUID tenant = createTenant(operator);
        as(operator, tenant)
                .post(
                        "/api/operator/roles/assign",
                        Map.of("role_key", "legal_operator", "individual_id", UUID.randomUUID()))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("the individual is not a member of the tenant");
    }

    @Test
    void invalidBodiesAreProblemsNamingTheFields() {
        UUID tenant = createTenant(operator);
        as(operator, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "root"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("individual_id")
                .jsonPath("$.errors[1].field")
                .isEqualTo("role_key");
        as(operator, tenant).addMember(member);
        UUID assignment = as(operator, tenant).assign("legal_operator", member, null);
        as(operator, tenant)
                .post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        as(operator, tenant)
                .post("/api/operator/roles/assignments/not-a-uuid/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isBadRequest();
        as(operator, tenant).get("/api/operator/roles?limit=501").expectStatus().isBadRequest();
    }
}
