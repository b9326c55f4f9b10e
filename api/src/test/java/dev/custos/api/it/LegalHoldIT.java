package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal holds over HTTP: what they block, what release does, and who may place them. */
class LegalHoldIT extends IntegrationTest {

    private UUID operator;
    private UUID tenant;
    private Caller legal;

    @BeforeEach
    void tenantWithALegalOperator() {
        legal = legalOperatorOfNewTenant();
        operator = legal.individual();
        tenant = legal.tenant();
    }

    private UUID hold(boolean restrictSharing) {
        Map<?, ?> hold = legal.post(
                        "/api/operator/legal/holds",
                        Map.of(
                                "title",
                                "Smith v. Acme",
                                "reason",
                                "litigation expected",
                                "restrict_sharing",
                                restrictSharing))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(hold.get("status")).isEqualTo("active");
        assertThat(hold.get("restrict_sharing")).isEqualTo(restrictSharing);
        return UUID.fromString((String) hold.get("id"));
    }

    private void target(UUID hold, String type, UUID id) {
        legal.post("/api/operator/legal/holds/" + hold + "/targets", Map.of("target_type", type, "target_id", id))
                .expectStatus()
                .isCreated();
    }

    private void release(UUID hold) {
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "case settled"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("released")
                .jsonPath("$.release_reason")
                .isEqualTo("case settled");
    }

    @Test
    void aHeldObjectCannotBeDestroyedUntilItsHoldIsReleased() {
        UUID evidence = Evidence.uploadId(legal, "Email export");
        UUID hold = hold(false);
        target(hold, "evidence_object", evidence);
        legal.delete("/api/evidence/" + evidence)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/hold-covers-target")
                .jsonPath("$.title")
                .isEqualTo("An active legal hold covers the target")
                .jsonPath("$.detail")
                .isEqualTo("an active legal hold covers this evidence");
        // Holds stop destruction, not viewing.
        legal.get("/api/evidence/" + evidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isNotEmpty();
        release(hold);
        legal.delete("/api/evidence/" + evidence).expectStatus().isOk();
    }

    @Test
    void twoHoldsOneReleasedStillBlockDestruction() {
        UUID evidence = Evidence.uploadId(legal, "Contract");
        UUID first = hold(false);
        UUID second = hold(true);
        target(first, "evidence_object", evidence);
        target(second, "evidence_object", evidence);
        release(first);
        legal.delete("/api/evidence/" + evidence).expectStatus().isEqualTo(409);
        release(second);
        legal.delete("/api/evidence/" + evidence).expectStatus().isOk();
    }

    @Test
    void aHeldBundleHoldsItsMembers() {
        UUID member = Evidence.sealed(legal, "Invoice");
        Map<?, ?> bundle = legal.post("/api/evidence/bundles", Map.of("title", "Pack", "evidence_ids", List.of(member)))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID hold = hold(false);
        target(hold, "evidence_bundle", UUID.fromString((String) bundle.get("id")));
        legal.delete("/api/evidence/" + member).expectStatus().isEqualTo(409);
    }

    @Test
    void targetsMustExistInTheTenant() {
        UUID hold = hold(false);
        legal.post(
                        "/api/operator/legal/holds/" + hold + "/targets",
                        Map.of("target_type", "evidence_object", "target_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        UUID stranger = UUID.randomUUID();
        UUID foreign = Evidence.uploadId(as(stranger, createTenant(stranger)), "Theirs");
        legal.post(
                        "/api/operator/legal/holds/" + hold + "/targets",
                        Map.of("target_type", "evidence_object", "target_id", foreign))
                .expectStatus()
                .isNotFound();
        legal.post(
                        "/api/operator/legal/holds/" + hold + "/targets",
                        Map.of("target_type", "claim", "target_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        legal.post(
                        "/api/operator/legal/holds/" + hold + "/targets",
                        Map.of("target_type", "mailbox", "target_id", UUID.randomUUID()))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aDestroyedObjectCannotBeHeld() {
        UUID evidence = Evidence.uploadId(legal, "Scrap");
        legal.delete("/api/evidence/" + evidence).expectStatus().isOk();
        legal.post(
                        "/api/operator/legal/holds/" + hold(false) + "/targets",
                        Map.of("target_type", "evidence_object", "target_id", evidence))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/target-destroyed");
    }

    @Test
    void holdsNeedTheLegalOperatorRoleAndAReason() {
        UUID member = UUID.randomUUID();
        legal.addMember(member);
        as(operator, tenant).assign("insurance_operator", member, null);
        as(member, tenant)
                .post("/api/operator/legal/holds", Map.of("title", "x", "reason", "y"))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/role-required");
        legal.post("/api/operator/legal/holds", Map.of("title", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        UUID hold = hold(false);
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of())
                .expectStatus()
                .isBadRequest();
        release(hold);
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "again"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/already-released")
                .jsonPath("$.title")
                .isEqualTo("The legal hold is already released");
    }

    @Test
    void anotherTenantsHoldIsNotFound() {
        UUID hold = hold(false);
        UUID stranger = UUID.randomUUID();
        UUID otherTenant = createTenant(stranger);
        as(stranger, otherTenant).assign("legal_operator", stranger, null);
        as(stranger, otherTenant)
                .post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "x"))
                .expectStatus()
                .isNotFound();
    }

    @Test
    void eachHoldActionWritesOneAuditRow() {
        UUID evidence = Evidence.uploadId(legal, "Memo");
        UUID hold = hold(false);
        target(hold, "evidence_object", evidence);
        release(hold);
        await().atMost(Duration.ofSeconds(5)).until(() -> holdRows(hold).size() == 3);
        assertThat(holdRows(hold)).containsExactly("hold_release", "hold_add_target", "hold_create");
    }

    private List<Object> holdRows(UUID hold) {
        Map<?, ?> body = legal.get("/api/operator/events?subject_id=" + hold)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((List<?>) body.get("events"))
                .stream()
                        .map(row -> ((Map<?, ?>) row).get("action_key"))
                        .map(Object.class::cast)
                        .toList();
    }
}
