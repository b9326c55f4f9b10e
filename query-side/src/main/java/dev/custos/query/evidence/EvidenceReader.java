package dev.custos.query.evidence;

import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads evidence objects and bundles of the scope's tenant. */
@Component
public class EvidenceReader {

    private static final String EVIDENCE_COLUMNS =
            "SELECT id, circle_id, title, source_type, content_mime, content_bytes, "
                    + "content_sha256, occurred_at, captured_at, created_at, chain_status, sealed_at, destroyed_at, blob_key "
                    + "FROM cc_evidence_objects ";

    private final TenantReads reads;

    public EvidenceReader(TenantReads reads) {
        this.reads = reads;
    }

    public Mono<EvidenceView> evidence(TenantScope scope, UUID evidenceId) {
        return reads.one(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id = :id")
                        .bind("id", evidenceId)
                        .map(EvidenceReader::evidence)
                        .first());
    }

    public Flux<EvidenceView> evidence(TenantScope scope, Collection<UUID> evidenceIds) {
        return reads.many(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id = ANY(:ids)")
                        .bind("ids", evidenceIds.toArray(UUID[]::new))
                        .map(EvidenceReader::evidence)
                        .all());
    }

    /**
     * The captures of an emergency run (uploaded for it, or attached later), in the order they were captured;
     * destroyed ones show as destroyed.
     */
    public Flux<EvidenceView> runCaptures(TenantScope scope, UUID runId) {
        return reads.many(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id IN (SELECT evidence_id FROM "
                                + "cc_emergency_run_captures WHERE run_id = :run) ORDER BY captured_at, id")
                        .bind("run", runId)
                        .map(EvidenceReader::evidence)
                        .all());
    }

    /** The evidence of a claim (attached, or uploaded for it), in the order it was captured. */
    public Flux<EvidenceView> claimEvidence(TenantScope scope, UUID claimId) {
        return reads.many(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id IN (SELECT evidence_id FROM "
                                + "cc_claim_evidence WHERE claim_id = :claim) ORDER BY captured_at, id")
                        .bind("claim", claimId)
                        .map(EvidenceReader::evidence)
                        .all());
    }

    /** The evidence a dossier lists, in the order it was captured. */
    public Flux<EvidenceView> dossierEvidence(TenantScope scope, UUID dossierId) {
        return reads.many(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id IN (SELECT evidence_id FROM "
                                + "cc_claim_dossier_evidence WHERE dossier_id = :dossier) ORDER BY captured_at, id")
                        .bind("dossier", dossierId)
                        .map(EvidenceReader::evidence)
                        .all());
    }

    /**
     * The evidence of a dispute's material, in the order it was captured: evidence objects, the members of its
     * bundles, and what its dossiers list.
     */
    public Flux<EvidenceView> disputeEvidence(TenantScope scope, UUID disputeId) {
        return reads.many(
                scope,
                db -> db.sql(EVIDENCE_COLUMNS + "WHERE id IN ("
                                + "SELECT material_id FROM cc_dispute_materials "
                                + " WHERE dispute_id = :dispute AND material_type = 'evidence_object' "
                                + "UNION SELECT m.evidence_id FROM cc_dispute_materials dm "
                                + "  JOIN cc_evidence_bundle_members m ON m.bundle_id = dm.material_id "
                                + " WHERE dm.dispute_id = :dispute AND dm.material_type = 'evidence_bundle' "
                                + "UNION SELECT de.evidence_id FROM cc_dispute_materials dm "
                                + "  JOIN cc_claim_dossier_evidence de ON de.dossier_id = dm.material_id "
                                + " WHERE dm.dispute_id = :dispute AND dm.material_type = 'claim_dossier') "
                                + "ORDER BY captured_at, id")
                        .bind("dispute", disputeId)
                        .map(EvidenceReader::evidence)
                        .all());
    }

    public Mono<BundleView> bundle(TenantScope scope, UUID bundleId) {
        return reads.one(
                scope,
                db -> db.sql("SELECT b.id, b.title, b.status, b.manifest_json, b.manifest_sha256, "
                                + "b.sealed_at, b.created_at, array_agg(m.evidence_id ORDER BY m.position) AS members "
                                + "FROM cc_evidence_bundles b JOIN cc_evidence_bundle_members m ON m.bundle_id = b.id "
                                + "WHERE b.id = :id GROUP BY b.id")
                        .bind("id", bundleId)
                        .map(row -> new BundleView(
                                row.get("id", UUID.class),
                                row.get("title", String.class),
                                row.get("status", String.class),
                                List.of(row.get("members", UUID[].class)),
                                row.get("manifest_json", String.class),
                                row.get("manifest_sha256", String.class),
                                Timestamps.toInstant(row.get("sealed_at", OffsetDateTime.class)),
                                Timestamps.toInstant(row.get("created_at", OffsetDateTime.class))))
                        .first());
    }

    private static EvidenceView evidence(Readable row) {
        return new EvidenceView(
                row.get("id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("title", String.class),
                row.get("source_type", String.class),
                row.get("content_mime", String.class),
                row.get("content_bytes", Long.class),
                row.get("content_sha256", String.class),
                Timestamps.toInstant(row.get("occurred_at", OffsetDateTime.class)),
                Timestamps.toInstant(row.get("captured_at", OffsetDateTime.class)),
                Timestamps.toInstant(row.get("created_at", OffsetDateTime.class)),
                row.get("chain_status", String.class),
                Timestamps.toInstant(row.get("sealed_at", OffsetDateTime.class)),
                Timestamps.toInstant(row.get("destroyed_at", OffsetDateTime.class)),
                row.get("blob_key", String.class));
    }
}
