package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Portal reads are logged off the write model: every answered read has its event and its access row, the events
 * belong to no aggregate (the token's stream does not grow with reads), and when one access cannot be logged only
 * that request fails, not the others committed in the same batch.
 */
class AccessLogIT extends IntegrationTest {

    private static final int READS = 12;

    @Test
    void concurrentReadsAreAllLoggedAndOneUnloggableAccessFailsAlone() throws Exception {
        UUID operator = UUID.randomUUID();
        Caller me = as(operator, createTenant(operator));
        UUID evidence = Evidence.sealed(me, "Roof photo");
        Shares.Share share = Shares.share(
                me, Instant.now().plus(Duration.ofDays(1)), null, null, Map.of("evidence_object", evidence));
        Shares.Token healthy = share.token();
        Shares.Token poisoned = Shares.token(me, share.grantId(), null);
        String healthySession = Shares.session(http(), healthy.raw(), null);
        String poisonedSession = Shares.session(http(), poisoned.raw(), null);
        long tokenEventsBefore =
                count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + healthy.id() + "'");

        String constraint = "poison_" + poisoned.id().toString().replace("-", "");
        sql("ALTER TABLE cc_authority_access_events ADD CONSTRAINT " + constraint + " CHECK (token_id <> '"
                + poisoned.id() + "' OR path <> '/p/authority/index') NOT VALID");
        List<Integer> healthyAnswers;
        List<Integer> poisonedAnswers;
        try {
            List<Mono<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < READS; i++) {
                reads.add(index(healthySession));
                reads.add(index(poisonedSession));
            }
            List<Integer> answers =
                    Flux.mergeSequential(reads, 2 * READS, 1).collectList().block();
            healthyAnswers = new ArrayList<>();
            poisonedAnswers = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                (i % 2 == 0 ? healthyAnswers : poisonedAnswers).add(answers.get(i));
            }
        } finally {
            sql("ALTER TABLE cc_authority_access_events DROP CONSTRAINT " + constraint);
        }

        assertThat(healthyAnswers).containsOnly(200).hasSize(READS);
        assertThat(poisonedAnswers).containsOnly(500);
        assertThat(indexRows(healthy.id())).isEqualTo(READS);
        assertThat(indexRows(poisoned.id())).isZero();
        // Aggregate-less: Axon stores each with its own id as aggregate id, and no type.
        assertThat(count("SELECT count(*) FROM domain_event_entry e JOIN cc_authority_access_events a "
                        + "ON a.id::text = e.event_identifier WHERE a.token_id = '" + healthy.id()
                        + "' AND a.path = '/p/authority/index' AND e.aggregate_identifier = e.event_identifier "
                        + "AND e.type IS NULL AND e.sequence_number = 0"))
                .isEqualTo(READS);
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + healthy.id() + "'"))
                .isEqualTo(tokenEventsBefore);
    }

    private Mono<Integer> index(String session) {
        return WebClient.create("http://localhost:" + port)
                .get()
                .uri("/p/authority/index")
                .headers(h -> h.setBearerAuth(session))
                .exchangeToMono(answer ->
                        answer.releaseBody().thenReturn(answer.statusCode().value()));
    }

    private static long indexRows(UUID tokenId) {
        return count("SELECT count(*) FROM cc_authority_access_events WHERE token_id = '" + tokenId
                + "' AND path = '/p/authority/index' AND event_type = 'access_allowed'");
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }

    private static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }
}
