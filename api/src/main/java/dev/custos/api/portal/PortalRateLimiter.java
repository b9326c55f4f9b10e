package dev.custos.api.portal;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.custos.api.authority.ShareTokens;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's rate limit: {@code N} requests a minute per client address and token, counted in PostgreSQL
 * (Bucket4j, {@code SELECT ... FOR UPDATE}) so that it holds in total across every instance. Its connections commit
 * without a WAL flush (see {@code rateLimitDataSource}): a request costs a row lock, not an fsync. Keys are hashes:
 * neither the address nor the token is stored in the clear.
 *
 * <p>The readers of one share page ask at once, on one key, and each would queue on that key's row lock. Bucket4j's
 * batching combines the requests that arrive for a key while one is in flight into a single transaction, with the
 * same exact count; it works per bucket object, so recently used keys keep theirs (state stays in the database, so
 * evicting one loses nothing).
 */
@Component
public class PortalRateLimiter {

    private static final int KEPT_BUCKETS = 10_000;

    private final ProxyManager<String> buckets;
    private final BucketConfiguration limit;
    private final BoundedMap<String, Bucket> recent = new BoundedMap<>(KEPT_BUCKETS);

    public PortalRateLimiter(@Qualifier("rateLimitDataSource") DataSource dataSource, PortalProperties properties) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("portal_rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .build();
        int perMinute = properties.limitPerMinute();
        this.limit = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build();
    }

    /** Whether one more request from {@code client} with {@code tokenKey} is allowed now. */
    public Mono<Boolean> tryAcquire(String client, String tokenKey) {
        String key = ShareTokens.sha256Hex("portal|" + client + "|" + tokenKey);
        Bucket bucket = recent.computeIfAbsent(key, id -> buckets.builder()
                .withOptimization(Optimizations.batching()).build(id, () -> limit));
        return Mono.fromCallable(() -> bucket.tryConsume(1)).subscribeOn(Schedulers.boundedElastic());
    }
}
