package dev.custos.api.portal;

import dev.custos.api.authority.ShareTokens;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How many failed session exchanges one client address may make a minute, across all tokens (default 100,
 * {@code CUSTOS_PORTAL_FAILED_EXCHANGES_PER_MINUTE}). It lives in memory and is keyed by the address's hash, one
 * bucket per address, so an unknown guess costs no row, no event and no more memory than the address already had.
 */
@Component
class FailedExchangeBudget {

    private static final int MAX_ADDRESSES = 100_000;

    private final BoundedMap<String, Bucket> buckets = new BoundedMap<>(MAX_ADDRESSES);
    private final int perMinute;

    FailedExchangeBudget(PortalProperties properties) {
        this.perMinute = properties.failedExchangeBudgetPerMinute();
    }

    /** Whether {@code address} has used up its failures for now. */
    boolean exhausted(String address) {
        Bucket bucket = buckets.get(key(address));
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void failed(String address) {
        buckets.computeIfAbsent(
                        key(address),
                        ignored -> Bucket.builder()
                                .addLimit(limit ->
                                        limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                                .build())
                .tryConsume(1);
    }

    private static String key(String address) {
        return ShareTokens.sha256Hex("failed-exchange|" + address);
    }
}
