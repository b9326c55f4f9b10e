package dev.custos.query.legal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import reactor.core.publisher.Mono;

/** Reads a legal hold with its targets; circle-scoped holds are visible to that circle's members only. */
@Component
public class LegalHoldReader {

    private final TenantReads reads;

    public LegalHoldReader(TenantReads reads) {
        this.reads = reads;
    }

    public Mono<LegalHoldView> hold(TenantScope scope, UUID holdId) {
        return reads.many(scope, db -> db.sql("SELECT target_type, target_id, added_at FROM cc_legal_hold_targets "
                                + "WHERE hold_id = :id ORDER BY added_at, target_type, target_id")
                        .bind("id", holdId)
                        .map(row -> new LegalHoldView.Target(row.get("target_type", String.class),
                                row.get("target_id", UUID.class),
                                Timestamps.toInstant(row.get("added_at", OffsetDateTime.class))))
                        .all())
                .collectList()
                .flatMap(targets -> reads.one(scope, db -> db.sql("SELECT id, circle_id, title, reason, "
                                + "restrict_sharing, status, created_at, created_by_individual_id, released_at, "
                                + "release_reason FROM cc_legal_holds WHERE id = :id")
                        .bind("id", holdId)
                        .map(row -> new LegalHoldView(row.get("id", UUID.class), row.get("circle_id", UUID.class),
                                row.get("title", String.class), row.get("reason", String.class),
                                Boolean.TRUE.equals(row.get("restrict_sharing", Boolean.class)),
                                row.get("status", String.class),
                                Timestamps.toInstant(row.get("created_at", OffsetDateTime.class)),
                                row.get("created_by_individual_id", UUID.class),
                                Timestamps.toInstant(row.get("released_at", OffsetDateTime.class)),
                                row.get("release_reason", String.class), targets))
                        .first()));
    }
}
