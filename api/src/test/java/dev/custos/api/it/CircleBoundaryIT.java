package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four circle-boundary breaks found by the hostile test, each reproduced over HTTP and now refused. */
class CircleBoundaryIT extends IntegrationTest {

    private final UUID founder = UUID.randomUUID();
    private final UUID x = UUID.randomUUID();
    private final UUID y = UUID.randomUUID();

    @Test
    void noSequenceOfRequestsByACircleOperatorWidensARole() {
        UUID tenant = createTenant(founder);
        Caller boss = as(founder, tenant);
        boss.addMember(x);
        boss.addMember(y);
        UUID c1 = boss.circleWith(founder, x, y);
        UUID c2 = boss.circleWith(founder, y);
        boss.assign("platform_operator", x, c1);
        UUID founderAssignment = founderAssignment(boss);

        // Every assign X can try: any header, any body circle, any role, for anyone.
        for (UUID header : new UUID[] {null, c1, c2}) {
            for (Object bodyCircle : new Object[] {null, c1, c2}) {
                for (String role : List.of("platform_operator", "legal_operator")) {
                    for (UUID who : List.of(x, y, founder)) {
                        Map<String, Object> body =
                                new java.util.HashMap<>(Map.of("role_key", role, "individual_id", who));
                        if (bodyCircle != null) {
                            body.put("circle_id", bodyCircle);
                        }
                        as(x, tenant).inCircle(header).post("/api/operator/roles/assign", body);
                    }
                }
            }
        }
        // And every revoke, of every assignment the founder can see.
        for (Object assignment : assignments(boss)) {
            String id = (String) ((Map<?, ?>) assignment).get("id");
            for (UUID header : new UUID[] {null, c1}) {
                var answer = as(x, tenant)
                        .inCircle(header)
                        .post("/api/operator/roles/assignments/" + id + "/revoke", Map.of("reason", "take over"));
                if (id.equals(founderAssignment.toString())) {
                    answer.expectStatus().isForbidden();
                }
            }
        }

        List<?> after = assignments(boss);
        assertThat(after).allSatisfy(a -> {
            Map<?, ?> assignment = (Map<?, ?>) a;
            if (!assignment.get("id").equals(founderAssignment.toString())) {
                assertThat(assignment.get("circle_id"))
                        .as("every assignment X made")
                        .isEqualTo(c1.toString());
            }
        });
        assertThat(after)
                .filteredOn(a -> ((Map<?, ?>) a).get("id").equals(founderAssignment.toString()))
                .singleElement()
                .satisfies(a -> assertThat(((Map<?, ?>) a).get("status")).isEqualTo("active"));
        boss.get("/api/operator/roles").expectStatus().isOk();
    }

    @Test
    void aCircleLegalOperatorCannotReleaseAHoldOutsideItsCircle() {
        Circles world = twoCirclesWithLegalOperators();
        UUID tenant = world.tenant();
        Caller boss = as(founder, tenant);
        UUID c1 = world.c1();
        UUID c2 = world.c2();
        boss.assign("legal_operator", founder, null);
        UUID evidence = Evidence.uploadId(boss, "Held");
        UUID c2Hold = hold(as(y, tenant).inCircle(c2), null);
        as(y, tenant)
                .inCircle(c2)
                .post(
                        "/api/operator/legal/holds/" + c2Hold + "/targets",
                        Map.of("target_type", "evidence_object", "target_id", evidence))
                .expectStatus()
                .isCreated();
        UUID tenantHold = hold(boss, null);

        as(x, tenant)
                .inCircle(c1)
                .post("/api/operator/legal/holds/" + c2Hold + "/release", Map.of("reason", "mine now"))
                .expectStatus()
                .isNotFound();
        as(x, tenant)
                .inCircle(c1)
                .post("/api/operator/legal/holds/" + tenantHold + "/release", Map.of("reason", "mine now"))
                .expectStatus()
                .isForbidden();

        // Nothing was applied: the held evidence stays held, and C2 releases its own hold for the first time.
        boss.delete("/api/evidence/" + evidence).expectStatus().isEqualTo(409);
        as(y, tenant)
                .inCircle(c2)
                .post("/api/operator/legal/holds/" + c2Hold + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();
        assertThat(releasesBy(boss, x)).isZero();
    }

    @Test
    void aGrantsCircleIsABoundary() {
        Circles world = twoCirclesWithLegalOperators();
        UUID tenant = world.tenant();
        Caller boss = as(founder, tenant);
        UUID c1 = world.c1();
        UUID c2 = world.c2();
        UUID evidence = Evidence.sealed(boss, "Tenant evidence");
        UUID c2Grant = grant(as(y, tenant).inCircle(c2), Map.of());

        as(x, tenant)
                .inCircle(c1)
                .post(
                        "/api/authority/grants/" + c2Grant + "/scopes",
                        Map.of("scope_type", "evidence_object", "scope_id", evidence))
                .expectStatus()
                .isNotFound();
        as(x, tenant)
                .inCircle(c1)
                .post("/api/authority/grants/" + c2Grant + "/revoke", Map.of("reason", "x"))
                .expectStatus()
                .isNotFound();
        as(x, tenant)
                .inCircle(c1)
                .post("/api/authority/grants", grantBody(Map.of("circle_id", UUID.randomUUID())))
                .expectStatus()
                .isForbidden();
        as(x, tenant)
                .inCircle(c1)
                .post("/api/authority/grants", grantBody(Map.of("circle_id", c2)))
                .expectStatus()
                .isForbidden();

        Map<?, ?> grant = (Map<?, ?>) ((List<?>) as(y, tenant)
                        .inCircle(c2)
                        .get("/api/authority/grants")
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("grants"))
                .get(0);
        assertThat(grant.get("status")).isEqualTo("active");
    }

    @Test
    void twoTenantsWithTheSameCircleIdNeverMeet() {
        UUID tenantB = createTenant(founder);
        UUID otherFounder = UUID.randomUUID();
        UUID tenantA = createTenant(otherFounder);
        UUID shared = UUID.randomUUID();
        as(founder, tenantB)
                .post("/api/circles", Map.of("circle_id", shared, "name", "B's"))
                .expectStatus()
                .isCreated();
        as(otherFounder, tenantA)
                .post("/api/circles", Map.of("circle_id", shared, "name", "A's"))
                .expectStatus()
                .isCreated();
        as(founder, tenantB)
                .post("/api/circles", Map.of("circle_id", shared, "name", "again"))
                .expectStatus()
                .isEqualTo(409);

        as(otherFounder, tenantA).addMember(y);
        as(otherFounder, tenantA)
                .post("/api/circles/" + shared + "/members", Map.of("individual_id", y))
                .expectStatus()
                .isCreated();
        as(founder, tenantB).addMember(x);
        as(founder, tenantB)
                .post("/api/circles/" + shared + "/members", Map.of("individual_id", x))
                .expectStatus()
                .isCreated();
        as(founder, tenantB)
                .post("/api/circles/" + shared + "/members", Map.of("individual_id", founder))
                .expectStatus()
                .isCreated();
        as(founder, tenantB).assign("legal_operator", x, shared);

        // Each tenant's member is in its own tenant's circle, and only there.
        as(x, tenantB)
                .inCircle(shared)
                .post("/api/operator/legal/holds", Map.of("title", "t", "reason", "r"))
                .expectStatus()
                .isCreated();
        // Past the membership check (404 for an unknown id) in its own tenant's circle only.
        String unknown = "/api/evidence/" + UUID.randomUUID();
        as(y, tenantA).inCircle(shared).get(unknown).expectStatus().isNotFound();
        as(x, tenantB).inCircle(shared).get(unknown).expectStatus().isNotFound();
        as(x, tenantA).inCircle(shared).get(unknown).expectStatus().isForbidden();
        as(founder, tenantA).inCircle(shared).get(unknown).expectStatus().isForbidden();
    }

    /** The founder's tenant, with x a legal operator of circle c1 and y one of circle c2. */
    private Circles twoCirclesWithLegalOperators() {
        UUID tenant = createTenant(founder);
        Caller boss = as(founder, tenant);
        boss.addMember(x);
        boss.addMember(y);
        UUID c1 = boss.circleWith(founder, x);
        UUID c2 = boss.circleWith(founder, y);
        boss.assign("legal_operator", x, c1);
        boss.assign("legal_operator", y, c2);
        return new Circles(tenant, c1, c2);
    }

    private record Circles(UUID tenant, UUID c1, UUID c2) {}

    private UUID founderAssignment(Caller boss) {
        return UUID.fromString((String) ((Map<?, ?>) assignments(boss).stream()
                        .filter(a -> ((Map<?, ?>) a).get("individual_id").equals(founder.toString())
                                && ((Map<?, ?>) a).get("circle_id") == null)
                        .findFirst()
                        .orElseThrow())
                .get("id"));
    }

    private static List<?> assignments(Caller boss) {
        return (List<?>) boss.get("/api/operator/roles?limit=500")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("assignments");
    }

    private static UUID hold(Caller caller, UUID circle) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Smith v. Acme", "reason", "litigation"));
        if (circle != null) {
            body.put("circle_id", circle);
        }
        return UUID.fromString((String) caller.post("/api/operator/legal/holds", body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
    }

    private static Map<String, Object> grantBody(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "grant_type",
                "adjuster",
                "title",
                "Share",
                "expires_at",
                Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        body.putAll(extra);
        return body;
    }

    private static UUID grant(Caller caller, Map<String, Object> extra) {
        return UUID.fromString((String) caller.post("/api/authority/grants", grantBody(extra))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
    }

    /** hold_release audit rows written for {@code operator}, once the audit log has caught up. */
    private static int releasesBy(Caller boss, UUID operator) {
        try {
            Thread.sleep(1_200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<?> events =
                (List<?>) boss.get("/api/operator/events?action_key=hold_release&operator_individual_id=" + operator)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("events");
        return events.size();
    }
}
