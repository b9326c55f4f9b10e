package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.CommandProperties;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A command that waits on a lock is bounded by the database, not by an interrupt: while another session holds the
 * holds table (as a projection rebuild does), a new hold waits out the session's lock bound (5 s), is rolled back
 * whole and answered 503 with Retry-After, before the lock is ever released. Once it is, the same command lands.
 * Every command worker may wait on a lock at once: each holds its own pooled connection while it waits.
 */
class LockBoundIT extends IntegrationTest {

    @Autowired
    private CommandProperties commands;

    @Test
    void aCommandBlockedOnALockIsAnswered503AndLeavesNothing() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        String tenant = legal.tenant().toString();
        Map<String, String> body = Map.of("title", "Held", "reason", "litigation");
        try (Connection locker = TestDatabase.superuser(databaseName());
                Statement sql = locker.createStatement()) {
            locker.setAutoCommit(false);
            sql.execute("LOCK TABLE cc_legal_holds IN EXCLUSIVE MODE");

            legal.post("/api/operator/legal/holds", body)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "1")
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The service is busy; try again in a moment");

            // The answer came while the lock was still held: the wait was bounded, not ended by the release.
            assertThat(count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                            + "WHERE c.relname = 'cc_legal_holds' AND l.mode = 'ExclusiveLock' AND l.granted"))
                    .isOne();
            locker.rollback();
        }
        assertThat(count("SELECT count(*) FROM cc_legal_holds WHERE tenant_id = '" + tenant + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + tenant
                        + "' AND action_key = 'hold_create'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LegalHoldPlaced' "
                        + "AND convert_from(payload, 'UTF8') LIKE '%" + tenant + "%'"))
                .isZero();

        legal.post("/api/operator/legal/holds", body).expectStatus().isCreated();
        assertThat(count("SELECT count(*) FROM cc_legal_holds WHERE tenant_id = '" + tenant + "'"))
                .isOne();
    }

    @Test
    void everyCommandWorkerCanWaitOnALockAtOnceAndEachLandsWhenItIsReleased() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        String tenant = legal.tenant().toString();
        int workers = commands.effectiveWorkers();
        ExecutorService clients = Executors.newFixedThreadPool(workers);
        try (Connection locker = TestDatabase.superuser(databaseName());
                Statement sql = locker.createStatement()) {
            locker.setAutoCommit(false);
            sql.execute("LOCK TABLE cc_legal_holds IN EXCLUSIVE MODE");
            List<CompletableFuture<Integer>> holds = IntStream.range(0, workers)
                    .mapToObj(hold -> CompletableFuture.supplyAsync(
                            () -> legal.post(
                                            "/api/operator/legal/holds",
                                            Map.of("title", "Held " + hold, "reason", "litigation"))
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value(),
                            clients))
                    .toList();
            // Released once every worker waits on the table, or after 3 s, well inside the 5 s lock bound.
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (waitingOnTheHoldsTable() < workers && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            long waiting = waitingOnTheHoldsTable();
            locker.rollback();

            assertThat(waiting)
                    .as("commands waiting on the table at once, each on its own connection")
                    .isEqualTo(workers);
            assertThat(holds.stream().map(CompletableFuture::join))
                    .as("no command refused for want of a connection")
                    .containsOnly(201);
        } finally {
            clients.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM cc_legal_holds WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo(workers);
    }

    private static long waitingOnTheHoldsTable() {
        return count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                + "WHERE c.relname = 'cc_legal_holds' AND NOT l.granted");
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }
}
