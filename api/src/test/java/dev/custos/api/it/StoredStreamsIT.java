package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.Aggregates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a stream written by someone else does to this instance. Another instance's events (written here behind the
 * service's back, as another instance would) are seen by the next command without a lost append; an event the
 * aggregate cannot apply refuses every command on that aggregate with a problem naming it, and nothing else; the
 * operators' check lists it. Readiness follows the database's gate.
 */
class StoredStreamsIT extends IntegrationTest {

    /**
     * A database of its own: the events this class writes behind the service's back (a poison among them) must not
     * reach the other classes' rebuilds. Were the service on the shared one, the copies below would find no hold.
     */
    private static final String OWN_DATABASE = TestDatabase.createDatabase();

    @DynamicPropertySource
    static void inItsOwnDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(OWN_DATABASE);
    }

    private static String ownDatabaseName() {
        return OWN_DATABASE.replaceFirst(".*/([^/?]+).*", "$1");
    }

    @Autowired
    @Qualifier(Aggregates.CACHE)
    private Cache cache;

    @Autowired
    @Qualifier(Aggregates.LOCKS)
    private LockFactory locks;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private MeterRegistry meters;

    @Value("${local.management.port}")
    private int managementPort;

    private static UUID hold(Caller legal) {
        return UUID.fromString((String) legal.post("/api/operator/legal/holds", Map.of("title", "Held", "reason", "x"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
    }

    private static WebTestClient.ResponseSpec addTarget(Caller legal, UUID hold, UUID evidence) {
        return legal.post(
                "/api/operator/legal/holds/" + hold + "/targets",
                Map.of("target_type", "evidence_object", "target_id", evidence));
    }

    /**
     * Appends a copy of the hold's event at {@code sequence} as its next event, with {@code payload} (an SQL
     * expression over the copied row's {@code payload}) as its payload: what another instance's command would have
     * written.
     */
    private static void appendBehindTheBack(UUID hold, long sequence, String payload) throws Exception {
        try (Connection db = TestDatabase.superuser(ownDatabaseName());
                Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,"
                    + " payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                    + " SELECT gen_random_uuid()::text, meta_data, " + payload + ", payload_revision, payload_type,"
                    + " time_stamp, aggregate_identifier, (SELECT max(sequence_number) + 1 FROM domain_event_entry"
                    + " WHERE aggregate_identifier = '" + hold + "'), type FROM domain_event_entry"
                    + " WHERE aggregate_identifier = '" + hold + "' AND sequence_number = " + sequence);
        }
    }

    private double conflictsOf(String command) {
        Timer refused = meters.find("custos.commands")
                .tags("command", command, "outcome", "refused")
                .timer();
        return refused == null ? 0 : refused.count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherInstancesEventIsSeenByTheNextCommandWithoutALostAppend() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        UUID first = Evidence.uploadId(legal, "First");
        UUID second = Evidence.uploadId(legal, "Second");
        UUID third = Evidence.uploadId(legal, "Third");
        UUID hold = hold(legal);
        addTarget(legal, hold, first).expectStatus().isCreated();
        appendBehindTheBack(
                hold,
                1,
                "convert_to(replace(convert_from(payload, 'UTF8'), '" + first + "', '" + second + "'), 'UTF8')");
        double conflictsBefore = conflictsOf("AddLegalHoldTarget");

        List<Object> targets = (List<Object>) addTarget(legal, hold, third)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("targets");

        assertThat(targets.stream()
                        .map(target -> String.valueOf(((Map<?, ?>) target).get("target_id")))
                        .toList())
                .containsExactlyInAnyOrder(first.toString(), second.toString(), third.toString());
        assertThat(conflictsOf("AddLegalHoldTarget"))
                .as("the stale copy was evicted before use, not found out by a failed append")
                .isEqualTo(conflictsBefore);
    }

    private double staleCopiesEvicted() {
        return meters.get("custos.aggregates.stale").counter().count();
    }

    @Test
    void commandsOnOneInstanceNeverFindTheirCachedCopyStale() {
        Caller legal = legalOperatorOfNewTenant();
        double before = staleCopiesEvicted();
        UUID hold = hold(legal);
        for (int target = 0; target < 3; target++) {
            addTarget(legal, hold, Evidence.uploadId(legal, "Held " + target))
                    .expectStatus()
                    .isCreated();
        }
        UUID evidence = Evidence.sealed(legal, "Shared");
        Shares.Share share = Shares.share(
                legal, Instant.now().plus(Duration.ofDays(1)), 100, null, Map.of("evidence_object", evidence));
        for (int exchange = 0; exchange < 3; exchange++) {
            Shares.session(http(), share.token().raw(), null);
        }
        legal.post("/api/operator/legal/holds/" + hold + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();

        assertThat(staleCopiesEvicted())
                .as("a copy this instance wrote is the store's latest: the check evicts nothing")
                .isEqualTo(before);
    }

    @Test
    void theLockKeepsACachedAggregateTheStoreHasNotMovedPastAndEvictsOneItHas() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        UUID evidence = Evidence.uploadId(legal, "Held");
        UUID hold = hold(legal);
        addTarget(legal, hold, evidence).expectStatus().isCreated();
        Object cached = cache.get(hold.toString());
        assertThat(cached).isNotNull();
        double evictedBefore = staleCopiesEvicted();

        new TransactionTemplate(transactions).executeWithoutResult(status -> locks.obtainLock(hold.toString()));
        assertThat((Object) cache.get(hold.toString())).isSameAs(cached);

        appendBehindTheBack(hold, 1, "payload");
        new TransactionTemplate(transactions).executeWithoutResult(status -> locks.obtainLock(hold.toString()));
        assertThat((Object) cache.get(hold.toString())).isNull();
        assertThat(staleCopiesEvicted()).isEqualTo(evictedBefore + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEventTheAggregateCannotApplyRefusesItsCommandsByNameAndNothingElse() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        UUID evidence = Evidence.uploadId(legal, "Held");
        UUID poisoned = hold(legal);
        UUID healthy = hold(legal);
        addTarget(legal, poisoned, evidence).expectStatus().isCreated();
        // The target's type and id are taken out of the copied event, whatever the payload's naming.
        appendBehindTheBack(
                poisoned,
                1,
                "convert_to((convert_from(payload, 'UTF8')::jsonb - 'targetType' - 'targetId' - 'target_type'"
                        + " - 'target_id')::text, 'UTF8')");
        String detail = "LegalHold " + poisoned + " cannot be loaded: its event LegalHoldTargetAdded at sequence 2"
                + " cannot be applied";

        for (int attempt = 0; attempt < 2; attempt++) {
            addTarget(legal, poisoned, evidence)
                    .expectStatus()
                    .isEqualTo(500)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/unreadable-event")
                    .jsonPath("$.detail")
                    .isEqualTo(detail);
        }
        legal.post("/api/operator/legal/holds/" + poisoned + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo(detail);
        addTarget(legal, healthy, evidence).expectStatus().isCreated();

        Map<?, ?> report = http().get()
                .uri("/api/admin/unreadable-events")
                .header("Authorization", "Bearer " + Jwts.forAdmin(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<Object>) report.get("unreadable"))
                .contains(Map.of(
                        "aggregate_type",
                        "LegalHold",
                        "aggregate_id",
                        poisoned.toString(),
                        "sequence",
                        2,
                        "event_type",
                        "LegalHoldTargetAdded",
                        "problem",
                        detail));
        assertThat(((Number) report.get("aggregates_checked")).longValue()).isGreaterThanOrEqualTo(3);
        legal.get("/api/admin/unreadable-events").expectStatus().isForbidden();
    }

    @Test
    void readinessIsDownWhileTheRebuildGateIsHeldAndLivenessStaysUp() throws Exception {
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build();
        try (Connection rebuild = TestDatabase.superuser(ownDatabaseName());
                Statement sql = rebuild.createStatement()) {
            sql.execute("SELECT pg_advisory_lock(custos_projection_rebuild_key())");
            management
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
            management
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            sql.execute("SELECT pg_advisory_unlock(custos_projection_rebuild_key())");
        }
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
