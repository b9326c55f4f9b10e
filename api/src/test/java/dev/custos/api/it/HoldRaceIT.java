package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A hold placed at the same moment as a destruction: whichever commits first wins, and never both. The invariant is
 * "never a destroyed object that was held when the destroy committed", checked against the event store itself.
 */
class HoldRaceIT extends IntegrationTest {

    private Caller legal;

    @BeforeEach
    void tenantWithALegalOperator() {
        legal = legalOperatorOfNewTenant();
    }

    @RepeatedTest(25)
    void aHoldAndADestructionNeverBothSucceed() throws Exception {
        UUID evidence = Evidence.uploadId(legal, "Contested record");
        Map<?, ?> hold = legal.post("/api/operator/legal/holds", Map.of("title", "Race", "reason", "race"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String holdId = (String) hold.get("id");
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(() -> {
            await(start);
            return legal.post(
                            "/api/operator/legal/holds/" + holdId + "/targets",
                            Map.of("target_type", "evidence_object", "target_id", evidence))
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        });
        CompletableFuture<Integer> destroying = CompletableFuture.supplyAsync(() -> {
            await(start);
            return legal.delete("/api/evidence/" + evidence)
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        });
        int held = holding.get();
        int destroyed = destroying.get();

        // Exactly one wins: held (201) and the destruction refused (409), or destroyed (200) and the hold refused.
        assertThat(new int[] {held, destroyed})
                .satisfiesAnyOf(
                        outcome -> assertThat(outcome).containsExactly(201, 409),
                        outcome -> assertThat(outcome).containsExactly(409, 200));
        assertThat(committedEvents(evidence, holdId)).isEqualTo(held == 201 ? "held" : "destroyed");
    }

    /** What the event store says happened: a target added to the hold, a destruction, or (never) both. */
    private String committedEvents(UUID evidence, String holdId) throws Exception {
        try (Connection superuser = TestDatabase.superuser(databaseName());
                ResultSet rows = superuser
                        .createStatement()
                        .executeQuery(
                                "SELECT count(*) FILTER (WHERE payload_type LIKE '%EvidenceDestroyed' AND aggregate_identifier = '"
                                        + evidence
                                        + "'), count(*) FILTER (WHERE payload_type LIKE '%LegalHoldTargetAdded' "
                                        + "AND aggregate_identifier = '" + holdId + "') FROM domain_event_entry")) {
            rows.next();
            long destroyedEvents = rows.getLong(1);
            long heldEvents = rows.getLong(2);
            assertThat(destroyedEvents + heldEvents).isEqualTo(1);
            return heldEvents == 1 ? "held" : "destroyed";
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
