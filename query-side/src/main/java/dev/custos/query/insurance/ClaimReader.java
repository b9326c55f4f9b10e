package dev.custos.query.insurance;

import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads claims and dossiers of the scope's tenant; those of a circle the reader is not a member of are not there. */
@Component
public class ClaimReader {

    private static final String CLAIM_COLUMNS = "SELECT c.id, c.circle_id, c.claim_number, c.policy_ref, c.loss_date, "
            + "c.title, c.opened_at, c.opened_by_individual_id, "
            + "(SELECT count(*) FROM cc_claim_evidence e WHERE e.claim_id = c.id) AS evidence_count, "
            + "(SELECT count(*) FROM cc_claim_dossiers d WHERE d.claim_id = c.id) AS dossier_count "
            + "FROM cc_insurance_claims c ";
    private static final String DOSSIER_COLUMNS = "SELECT id, claim_id, circle_id, dossier_json, dossier_sha256, "
            + "evidence_count, assembled_at, assembled_by_individual_id FROM cc_claim_dossiers ";

    private final TenantReads reads;

    public ClaimReader(TenantReads reads) {
        this.reads = reads;
    }

    public Mono<ClaimView> claim(TenantScope scope, UUID claimId) {
        return reads.one(
                scope,
                db -> db.sql(CLAIM_COLUMNS + "WHERE c.id = :id")
                        .bind("id", claimId)
                        .map(ClaimReader::claim)
                        .first());
    }

    public Mono<DossierView> dossier(TenantScope scope, UUID dossierId) {
        return reads.one(
                scope,
                db -> db.sql(DOSSIER_COLUMNS + "WHERE id = :id")
                        .bind("id", dossierId)
                        .map(ClaimReader::dossier)
                        .first());
    }

    private static ClaimView claim(Readable row) {
        return new ClaimView(
                row.get("id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("claim_number", String.class),
                row.get("policy_ref", String.class),
                row.get("loss_date", LocalDate.class),
                row.get("title", String.class),
                instant(row, "opened_at"),
                row.get("opened_by_individual_id", UUID.class),
                row.get("evidence_count", Long.class),
                row.get("dossier_count", Long.class));
    }

    private static DossierView dossier(Readable row) {
        return new DossierView(
                row.get("id", UUID.class),
                row.get("claim_id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("dossier_json", String.class),
                row.get("dossier_sha256", String.class),
                row.get("evidence_count", Integer.class),
                instant(row, "assembled_at"),
                row.get("assembled_by_individual_id", UUID.class));
    }

    private static Instant instant(Readable row, String column) {
        return Timestamps.toInstant(row.get(column, OffsetDateTime.class));
    }
}
