package dev.custos.query.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.custos.events.legal.LegalHoldPlaced;
import dev.custos.events.legal.LegalHoldReleased;
import dev.custos.events.legal.LegalHoldTargetAdded;
import dev.custos.query.QueryDatabase;
import dev.custos.query.tenancy.TenantScope;

/** A hold's events make its rows, the reader shows them to its tenant only, and a replay changes nothing. */
class LegalHoldProjectionTest {

    private static QueryDatabase db;
    private static LegalHoldProjection projection;
    private static LegalHoldReader reader;

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
        reader = new LegalHoldReader(db.reads);
    }

    private void projectTheWholeStream() {
        db.inTransaction(() -> {
            projection.on(new LegalHoldPlaced(tenant, hold, null, "Smith v. Acme", "litigation", true, placedAt,
                    operator));
            projection.on(new LegalHoldTargetAdded(tenant, hold, null, "evidence_object", evidence, addedAt,
                    operator));
            projection.on(new LegalHoldReleased(tenant, hold, null, "settled", releasedAt, operator));
        });
    }

    @Test
    void theReaderShowsTheHoldAsItsEventsLeftIt() {
        projectTheWholeStream();

        LegalHoldView view = reader.hold(new TenantScope(tenant, operator), hold).block();
        assertThat(view).isNotNull();
        assertThat(view.status()).isEqualTo("released");
        assertThat(view.restrictSharing()).isTrue();
        assertThat(view.createdAt()).isEqualTo(placedAt);
        assertThat(view.releasedAt()).isEqualTo(releasedAt);
        assertThat(view.releaseReason()).isEqualTo("settled");
        assertThat(view.targets()).containsExactly(new LegalHoldView.Target("evidence_object", evidence, addedAt));
        assertThat(reader.hold(new TenantScope(UUID.randomUUID(), operator), hold).block()).isNull();
    }

    @Test
    void replayingTheStreamGivesTheSameRows() {
        projectTheWholeStream();
        String holds = db.snapshot("cc_legal_holds", "id");
        String targets = db.snapshot("cc_legal_hold_targets", "hold_id, target_type, target_id");

        projectTheWholeStream();

        assertThat(db.snapshot("cc_legal_holds", "id")).isEqualTo(holds);
        assertThat(db.snapshot("cc_legal_hold_targets", "hold_id, target_type, target_id")).isEqualTo(targets);
        assertThat(db.count("SELECT count(*) FROM cc_legal_hold_targets WHERE hold_id = ?", hold)).isOne();
    }
}
