package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every projection runs in the transaction that appends its events, so a row that cannot be written takes its
 * event down with it: the audit projection is made unable to write one hold's release (a constraint added behind
 * the service's back), and that release leaves no event and no change, while every other command goes on.
 */
class PoisonProjectionIT extends IntegrationTest {

    private String hold(Caller legal) {
        return (String) legal.post("/api/operator/legal/holds", Map.of("title", "Held", "reason", "litigation"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }

    private static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void aRowThatCannotBeWrittenRollsItsCommandBackWholeAndNothingElse() throws Exception {
        Caller legal = legalOperatorOfNewTenant();
        String poisoned = hold(legal);
        String healthy = hold(legal);
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE subject_id = '" + healthy + "'"))
                .isOne();
        String releases = "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%LegalHoldReleased' "
                + "AND aggregate_identifier = '";
        String constraint = "poison_" + poisoned.replace("-", "");
        sql("ALTER TABLE cc_operator_events ADD CONSTRAINT " + constraint
                + " CHECK (action_key <> 'hold_release' OR subject_id <> '" + poisoned + "')");
        try {
            legal.post("/api/operator/legal/holds/" + poisoned + "/release", Map.of("reason", "settled"))
                    .expectStatus()
                    .is5xxServerError()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("An internal error occurred");
            legal.post("/api/operator/legal/holds/" + healthy + "/release", Map.of("reason", "settled"))
                    .expectStatus()
                    .isOk();

            assertThat(count(releases + poisoned + "'")).isZero();
            assertThat(count(releases + healthy + "'")).isOne();
            assertThat(count("SELECT count(*) FROM cc_legal_holds WHERE id = '" + poisoned + "' AND status = 'active'"))
                    .isOne();
            assertThat(count("SELECT count(*) FROM cc_operator_events WHERE action_key = 'hold_release' "
                            + "AND subject_id = '" + healthy + "'"))
                    .isOne();
        } finally {
            sql("ALTER TABLE cc_operator_events DROP CONSTRAINT " + constraint);
        }
        // With the cause gone, the same command simply succeeds: nothing was half done.
        legal.post("/api/operator/legal/holds/" + poisoned + "/release", Map.of("reason", "settled"))
                .expectStatus()
                .isOk();
        assertThat(count(releases + poisoned + "'")).isOne();
    }
}
