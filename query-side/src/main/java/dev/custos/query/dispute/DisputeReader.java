package dev.custos.query.dispute;

import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads disputes and defense packs of the scope's tenant; a circle the reader is not in hides its own. */
@Component
public class DisputeReader {

    private final TenantReads reads;

    public DisputeReader(TenantReads reads) {
        this.reads = reads;
    }

    public Mono<DisputeView> dispute(TenantScope scope, UUID disputeId) {
        return reads.one(
                scope,
                db -> db.sql("SELECT d.id, d.circle_id, d.title, d.counterparty, d.opened_at, "
                                + "d.opened_by_individual_id, "
                                + "(SELECT count(*) FROM cc_dispute_materials m WHERE m.dispute_id = d.id) AS materials, "
                                + "(SELECT count(*) FROM cc_defense_packs p WHERE p.dispute_id = d.id) AS packs "
                                + "FROM cc_disputes d WHERE d.id = :id")
                        .bind("id", disputeId)
                        .map(row -> new DisputeView(
                                row.get("id", UUID.class),
                                row.get("circle_id", UUID.class),
                                row.get("title", String.class),
                                row.get("counterparty", String.class),
                                instant(row, "opened_at"),
                                row.get("opened_by_individual_id", UUID.class),
                                row.get("materials", Long.class),
                                row.get("packs", Long.class)))
                        .first());
    }

    public Mono<DefensePackView> pack(TenantScope scope, UUID packId) {
        return reads.one(
                scope,
                db -> db.sql("SELECT id, dispute_id, circle_id, bundle_id, pack_sha256, evidence_count, "
                                + "assembled_at FROM cc_defense_packs WHERE id = :id")
                        .bind("id", packId)
                        .map(row -> new DefensePackView(
                                row.get("id", UUID.class),
                                row.get("dispute_id", UUID.class),
                                row.get("circle_id", UUID.class),
                                row.get("bundle_id", UUID.class),
                                row.get("pack_sha256", String.class),
                                row.get("evidence_count", Integer.class),
                                instant(row, "assembled_at")))
                        .first());
    }

    private static Instant instant(Readable row, String column) {
        return Timestamps.toInstant(row.get(column, OffsetDateTime.class));
    }
}
