package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A run's captures over HTTP: uploaded for a run of the tenant only, attached later once, packed with the run, and
 * held with it.
 */
class RunCapturesIT extends IntegrationTest {

    private Caller emergency;

    @BeforeEach
    void tenantWithAnEmergencyOperator() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        as(operator, tenant).assign("emergency_operator", operator, null);
        emergency = as(operator, tenant);
    }

    private UUID startRun() {
        return UUID.fromString((String) emergency
                .post("/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Basement flood"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
    }

    private String runs(UUID run) {
        return "/api/operator/emergency/runs/" + run;
    }

    private UUID capture(UUID run, String title) {
        return Evidence.uploadFor(emergency, "x-emergency-run-id", run, title);
    }

    @Test
    void aCaptureMustNameARunOfTheTenant() {
        UUID stranger = UUID.randomUUID();
        Caller other = as(stranger, createTenant(stranger));
        UUID foreignRun = UUID.randomUUID();
        other.assign("emergency_operator", stranger, null);
        Map<?, ?> theirs = other.post(
                        "/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Theirs"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        for (String run : List.of(foreignRun.toString(), (String) theirs.get("id"))) {
            emergency
                    .http()
                    .post()
                    .uri("/api/evidence")
                    .headers(h -> {
                        h.setBearerAuth(Jwts.forIndividual(emergency.individual()));
                        h.set("x-tenant-id", emergency.tenant().toString());
                        h.set("x-evidence-title", "Photo");
                        h.set("x-emergency-run-id", run);
                    })
                    .contentType(MediaType.IMAGE_JPEG)
                    .bodyValue(new byte[] {1, 2, 3})
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_evidence_objects WHERE tenant_id = '" + emergency.tenant() + "'"))
                .isZero();
    }

    @Test
    void evidenceCapturedBeforeTheRunIsAttachedOnceAndPackedWithIt() {
        UUID run = startRun();
        UUID earlier = Evidence.uploadId(emergency, "Photo from the caller");
        String attach = "/api/emergency/runs/" + run + "/captures";
        emergency
                .post(attach, Map.of("evidence_id", earlier))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(run.toString());
        emergency.post(attach, Map.of("evidence_id", earlier)).expectStatus().isOk();
        emergency
                .post(attach, Map.of("evidence_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        emergency
                .post(attach, Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("evidence_id");
        UUID destroyed = Evidence.uploadId(emergency, "Gone");
        emergency.delete("/api/evidence/" + destroyed).expectStatus().isOk();
        emergency.post(attach, Map.of("evidence_id", destroyed)).expectStatus().isEqualTo(409);

        Map<?, ?> dashboard = emergency
                .get(runs(run) + "/dashboard")
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<Object> ids = ((List<?>) dashboard.get("captures"))
                .stream()
                        .<Object>map(capture -> ((Map<?, ?>) capture).get("id"))
                        .toList();
        assertThat(ids).containsExactly(earlier.toString());
        Map<?, ?> pack = emergency
                .post(runs(run) + "/generate-record-pack", Map.of())
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(pack.get("evidence_ids")).isEqualTo(List.of(earlier.toString()));
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM domain_event_entry WHERE " + "aggregate_identifier = '" + run
                                + "' AND payload_type LIKE '%CaptureAttached'"))
                .isEqualTo(1);
    }

    @Test
    void aCaptureOfAHeldRunCannotBeDestroyed() {
        UUID run = startRun();
        UUID photo = capture(run, "Photo");
        emergency.assign("legal_operator", emergency.individual(), null);
        Map<?, ?> hold = emergency
                .post("/api/operator/legal/holds", Map.of("title", "Flood claim", "reason", "litigation expected"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        emergency
                .post(
                        "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                        Map.of("target_type", "emergency_run", "target_id", run))
                .expectStatus()
                .isCreated();
        emergency
                .post(
                        "/api/operator/legal/holds/" + hold.get("id") + "/targets",
                        Map.of("target_type", "emergency_run", "target_id", UUID.randomUUID()))
                .expectStatus()
                .isNotFound();
        emergency.delete("/api/evidence/" + photo).expectStatus().isEqualTo(409);
        emergency
                .post("/api/operator/legal/holds/" + hold.get("id") + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();
        emergency.delete("/api/evidence/" + photo).expectStatus().isOk();
    }
}
