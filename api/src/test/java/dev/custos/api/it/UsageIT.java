package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage: billable actions are counted once each, per action key and period; others are not counted at all. */
class UsageIT extends IntegrationTest {

    private Caller platform;
    private Instant before;

    @BeforeEach
    void tenantWithABillableRun() {
        before = Instant.now().minusSeconds(1);
        UUID operator = UUID.randomUUID();
        platform = as(operator, createTenant(operator));
        platform.assign("emergency_operator", operator, null);
        Map<?, ?> run = platform.post(
                        "/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Flood"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String runs = "/api/operator/emergency/runs/" + run.get("id");
        Evidence.uploadFor(platform, "x-emergency-run-id", UUID.fromString((String) run.get("id")), "Photo");
        platform.post(runs + "/generate-record-pack", Map.of()).expectStatus().isCreated();
        platform.post(runs + "/generate-record-pack", Map.of()).expectStatus().isCreated();
        platform.post(
                        runs + "/share-authority",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Flood",
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .expectStatus()
                .isCreated();
    }

    private List<Object> usage(Instant from, Instant to) {
        Map<?, ?> answer = platform.get("/api/usage?from=" + from + "&to=" + to)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return List.copyOf((List<?>) answer.get("usage"));
    }

    @Test
    void eachBillableActionCountsOnceAndNothingElseCounts() {
        assertThat(usage(before, Instant.now().plusSeconds(60)))
                .containsExactly(
                        (Object) Map.of("action_key", "run_generate_record_pack", "count", 2),
                        Map.of("action_key", "run_share_authority", "count", 1));
        assertThat(usage(before.minus(1, ChronoUnit.DAYS), before)).isEmpty();
    }

    @Test
    void anotherTenantsUsageIsNotCounted() {
        UUID stranger = UUID.randomUUID();
        Map<?, ?> answer = as(stranger, createTenant(stranger))
                .get("/api/usage?from=" + before + "&to=" + Instant.now().plusSeconds(60))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) answer.get("usage")).isEmpty();
    }

    @Test
    void thePeriodIsRequiredAndInOrderAndOnlyPlatformOperatorsReadIt() {
        platform.get("/api/usage?from=" + before).expectStatus().isBadRequest();
        platform.get("/api/usage?from=yesterday&to=" + Instant.now())
                .expectStatus()
                .isBadRequest();
        platform.get("/api/usage?from=" + Instant.now() + "&to=" + before)
                .expectStatus()
                .isBadRequest();
        UUID member = UUID.randomUUID();
        platform.addMember(member);
        platform.assign("emergency_operator", member, null);
        as(member, platform.tenant())
                .get("/api/usage?from=" + before + "&to=" + Instant.now())
                .expectStatus()
                .isForbidden();
    }
}
