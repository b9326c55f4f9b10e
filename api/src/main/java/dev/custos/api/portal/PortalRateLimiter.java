package dev.custos.api.portal;

import dev.custos.api.authority.ShareTokens;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The portal's rate limit: {@code N} requests a minute per client address and token, counted in PostgreSQL
 * (Bucket4j, {@code SELECT ... FOR UPDATE}) so that it holds in total across every instance. Its connections commit
 * without a WAL flush (see {@code rateLimitDataSource}): a request costs a row lock, not an fsync. Keys are hashes:
 * neither the address nor the token is stored in the clear.
 */
@Component
public class PortalRateLimiter {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration limit;

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
        return Mono.fromCallable(() -> buckets.builder().build(key, () -> limit).tryConsume(1))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
