package dev.custos.query.operator;

import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Sums the tenant's usage events per action key over a period. */
@Component
public class UsageReader {

    private final TenantReads reads;

    public UsageReader(TenantReads reads) {
        this.reads = reads;
    }

    /** Usage from {@code from} (inclusive) to {@code to} (exclusive), by action key in key order. */
    public Flux<UsageCount> usage(TenantScope scope, Instant from, Instant to) {
        return reads.many(
                scope,
                db -> db.sql(
                                "SELECT action_key, count(*) AS n FROM cc_usage_events "
                                        + "WHERE occurred_at >= :from AND occurred_at < :to GROUP BY action_key ORDER BY action_key")
                        .bind("from", from.atOffset(ZoneOffset.UTC))
                        .bind("to", to.atOffset(ZoneOffset.UTC))
                        .map(row -> new UsageCount(row.get("action_key", String.class), row.get("n", Long.class)))
                        .all());
    }

    /** How often one billable action was used. */
    public record UsageCount(String actionKey, long count) {}
}
