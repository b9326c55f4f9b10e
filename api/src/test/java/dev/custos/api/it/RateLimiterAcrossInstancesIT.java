package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.custos.api.portal.PortalProperties;
import dev.custos.api.portal.PortalRateLimiter;
import dev.custos.api.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The portal limit holds in total across instances: two limiters, each with its own connection pool (as two
 * service instances would have) over one database, share one key, and exactly 30 of 80 concurrent requests get
 * through, though neither limiter's sessions wait for a WAL flush.
 */
class RateLimiterAcrossInstancesIT extends IntegrationTest {

    private static final PortalProperties THIRTY_A_MINUTE = new PortalProperties(null, null, 30, null, null);

    @Autowired
    @Qualifier("rateLimitDataSource")
    private DataSource thisInstance;

    @Test
    void twoInstancesTogetherAllowExactlyTheLimit() {
        try (HikariDataSource otherInstance = new HikariDataSource()) {
            otherInstance.setJdbcUrl(databaseUrl());
            otherInstance.setUsername("custos_app");
            otherInstance.setPassword("runtime-password");
            otherInstance.setConnectionInitSql("SET synchronous_commit = off");
            otherInstance.setMaximumPoolSize(4);
            List<PortalRateLimiter> limiters = List.of(
                    new PortalRateLimiter(thisInstance, THIRTY_A_MINUTE),
                    new PortalRateLimiter(otherInstance, THIRTY_A_MINUTE));
            String client = "203.0.113." + (UUID.randomUUID().hashCode() & 0x7f);
            String token = UUID.randomUUID().toString();

            List<Mono<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                requests.add(limiters.get(i % 2).tryAcquire(client, token));
            }
            List<Boolean> answers = Flux.merge(requests).collectList().block();

            assertThat(answers).hasSize(80);
            assertThat(answers.stream().filter(Boolean::booleanValue).count()).isEqualTo(30);
            assertThat(Flux.fromIterable(limiters)
                            .flatMap(limiter -> limiter.tryAcquire(client, token))
                            .collectList()
                            .block())
                    .containsOnly(false);
        }
    }

    /**
     * A share page's readers ask at once, and the first requests on a key find no bucket yet: every one of them gets
     * an answer, never a failure (Bucket4j 8.14's batching failed such requests with "Bucket does not exist").
     */
    @Test
    void concurrentFirstRequestsOnNewKeysAllGetAnAnswer() {
        PortalRateLimiter limiter = new PortalRateLimiter(thisInstance, THIRTY_A_MINUTE);
        for (int key = 0; key < 20; key++) {
            String token = UUID.randomUUID().toString();
            List<Mono<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                requests.add(limiter.tryAcquire("198.51.100.7", token));
            }
            assertThat(Flux.merge(requests).collectList().block()).hasSize(16).containsOnly(true);
        }
    }

    @Test
    void theLimitersSessionsCommitWithoutWaitingForTheFlush() throws Exception {
        try (var connection = thisInstance.getConnection();
                var statement = connection.createStatement();
                var answer = statement.executeQuery("SHOW synchronous_commit")) {
            answer.next();
            assertThat(answer.getString(1)).isEqualTo("off");
        }
    }
}
