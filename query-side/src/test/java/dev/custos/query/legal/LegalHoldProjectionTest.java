package dev.custos.query.legal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.query.QueryDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hold's events make its rows (which the destruction check and the portal's definer functions read), row-level
 * security keeps them in their tenant, and a replay changes nothing.
 */
class LegalHoldProjectionTest {

    private static QueryDatabase db;
    private static LegalHoldProjection projection;

    private final UUID tenant = UUID.randomUUID();
    private final UUID hold = UUID.randomUUID();
    private final UUID operator = UUID.randomUUID();
    private final UUID evidence = UUID.randomUUID();
    private final Instant placedAt = Instant.parse("2026-12-02T10:00:00Z");
    private final Instant addedAt = placedAt.plusSeconds(60);
    private final Instant releasedAt = placedAt.plusSeconds(120);

    @BeforeAll
    static void database() {
        db = QueryDatabase.fresh();
        projection = new LegalHoldProjection(db.writes);
    }

    private void projectTheWholeStream() {
        db.inTransaction(() -> {
            projection.on(
                    new LegalHoldPlaced(tenant, hold, null, "Smith v. Acme", "litigation", true, placedAt, operator));
            projection.on(new LegalHoldTargetAdded(tenant, hold, null, "evidence_object", evidence, addedAt, operator));
            projection.on(new LegalHoldReleased(tenant, hold, null, "settled", releasedAt, operator));
        });
    }

    @Test
    void theRowsAreTheHoldAsItsEventsLeftIt() {
        projectTheWholeStream();

        assertThat(db.count(
                        "SELECT count(*) FROM cc_legal_holds WHERE id = ? AND tenant_id = ? AND status = 'released' "
                                + "AND restrict_sharing AND created_at = ? AND released_at = ? AND release_reason = 'settled'",
                        hold,
                        tenant,
                        Timestamp.from(placedAt),
                        Timestamp.from(releasedAt)))
                .isOne();
        assertThat(db.count(
                        "SELECT count(*) FROM cc_legal_hold_targets WHERE hold_id = ? AND target_type = "
                                + "'evidence_object' AND target_id = ? AND added_at = ?",
                        hold,
                        evidence,
                        Timestamp.from(addedAt)))
                .isOne();
    }

    @Test
    void anotherTenantCannotSeeTheRows() {
        projectTheWholeStream();

        assertThat(db.countAsApp(tenant, "SELECT count(*) FROM cc_legal_holds WHERE id = ?", hold))
                .isOne();
        assertThat(db.countAsApp(UUID.randomUUID(), "SELECT count(*) FROM cc_legal_holds WHERE id = ?", hold))
                .isZero();
    }

    @Test
    void replayingTheStreamGivesTheSameRows() {
        projectTheWholeStream();
        String holds = db.snapshot("cc_legal_holds", "id");
        String targets = db.snapshot("cc_legal_hold_targets", "hold_id, target_type, target_id");

        projectTheWholeStream();

        assertThat(db.snapshot("cc_legal_holds", "id")).isEqualTo(holds);
        assertThat(db.snapshot("cc_legal_hold_targets", "hold_id, target_type, target_id"))
                .isEqualTo(targets);
        assertThat(db.count("SELECT count(*) FROM cc_legal_hold_targets WHERE hold_id = ?", hold))
                .isOne();
    }
}
