package dev.custos.api.audit;

import dev.custos.query.audit.AuditReader;
import dev.custos.query.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each tenant's latest servable signed tree head and its name, as the portal's receipts use them, held for a few
 * seconds so that a busy index does not read them on every request. A head a few seconds old is as good for a
 * receipt as the newest (a receipt holds against any head that covers its entry), and once served a head is never
 * refused later: witnesses answer before it is served.
 */
@Component
class RecentHeads {

    /** How long a head and a tenant's name are reused. */
    static final Duration HELD = Duration.ofSeconds(5);

    /** Entries beyond this are dropped: a flood of tenants cannot grow it without end. */
    private static final int MOST_TENANTS = 10_000;

    private final AuditReader reader;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Held<Optional<AuditReader.SignedHead>>> heads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Held<Optional<String>>> owners = new ConcurrentHashMap<>();

    RecentHeads(AuditReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The tenant's latest servable signed tree head; empty before its first. */
    Mono<AuditReader.SignedHead> head(UUID tenantId) {
        return held(heads, tenantId, scope -> reader.latestSignedHead(scope)).flatMap(Mono::justOrEmpty);
    }

    /** The tenant's name. */
    Mono<String> owner(UUID tenantId) {
        return held(owners, tenantId, scope -> reader.logOwner(scope)).flatMap(Mono::justOrEmpty);
    }

    private <T> Mono<Optional<T>> held(
            ConcurrentHashMap<UUID, Held<Optional<T>>> cache, UUID tenantId, Function<TenantScope, Mono<T>> read) {
        Instant now = clock.instant();
        Held<Optional<T>> found = cache.get(tenantId);
        if (found != null && now.isBefore(found.until())) {
            return Mono.just(found.value());
        }
        return read.apply(new TenantScope(tenantId, null))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(value -> {
                    if (value.isEmpty()) {
                        // Nothing signed yet: the first head must show as soon as it is signed, not seconds later.
                        return;
                    }
                    if (cache.size() >= MOST_TENANTS) {
                        cache.clear();
                    }
                    cache.put(tenantId, new Held<>(value, now.plus(HELD)));
                });
    }

    private record Held<T>(T value, Instant until) {}
}
