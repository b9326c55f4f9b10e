package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.Evidence;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import dev.custos.api.support.Shares;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.time.TimeRange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Times already stored outside 0001-01-01 … 9999-12-31, from before the edge refused them: the portal still answers
 * (it served 500 on every call), migration V25 reports and repairs them, a projection rebuild from the events that
 * carry them writes them bounded, and the range's SQL home agrees with its Java home.
 */
class StoredTimesIT extends IntegrationTest {

    private static final String FIRST = "0001-01-01T00:00:00Z";
    private static final String LAST = "9999-12-31T23:59:59.999999Z";

    private Caller operator;
    private UUID claim;
    private UUID photo;
    private UUID dossier;

    @BeforeEach
    void aClaimWithEvidenceInADossier() {
        UUID individual = UUID.randomUUID();
        operator = as(individual, createTenant(individual));
        operator.assign("insurance_operator", individual, null);
        claim = UUID.fromString((String) operator.post(
                        "/api/insurance/claims",
                        Map.of(
                                "claim_number",
                                "CLM-" + UUID.randomUUID(),
                                "policy_ref",
                                "POL-1",
                                "loss_date",
                                "2026-11-20",
                                "title",
                                "Hail"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id"));
        photo = Evidence.uploadFor(operator, "x-claim-id", claim, "Roof");
        dossier = UUID.fromString(
                (String) operator.post("/api/operator/insurance/claims/" + claim + "/assemble", Map.of())
                        .expectStatus()
                        .isCreated()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("id"));
    }

    @Test
    void thePortalServesEveryStoredTimeAndNeverAnswers500() throws Exception {
        Map<?, ?> shared = operator.post(
                        "/api/operator/insurance/dossiers/" + dossier + "/share-authority",
                        Map.of(
                                "grant_type",
                                "adjuster",
                                "title",
                                "Hail",
                                "expires_at",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String token = ((String) shared.get("share_url")).replaceFirst(".*#token=", "");
        Shares.SECRETS.add(token);
        String session = Shares.session(http(), token, null);

        Map<String, String[]> storedAndServed = new LinkedHashMap<>();
        storedAndServed.put("-infinity", new String[] {"-infinity", FIRST, "0001-01-01"});
        storedAndServed.put("infinity", new String[] {"infinity", LAST, "9999-12-31"});
        storedAndServed.put("year 10000", new String[] {"10000-01-01 00:00:00+00", LAST, "9999-12-31"});
        storedAndServed.put("1 BC", new String[] {"0001-06-01 00:00:00+00 BC", FIRST, "0001-01-01"});
        storedAndServed.put("the first instant", new String[] {"0001-01-01 00:00:00+00", FIRST, "0001-01-01"});
        for (Map.Entry<String, String[]> values : storedAndServed.entrySet()) {
            String stored = values.getValue()[0];
            superuser("UPDATE cc_evidence_objects SET occurred_at = '" + stored + "' WHERE id = '" + photo + "'");
            superuser("UPDATE cc_insurance_claims SET loss_date = '" + stored.replaceFirst(" 00:00:00\\+00", "")
                    + "' WHERE id = '" + claim + "'");
            // Written behind the service's back, so the stored portal index is recomputed as a repair would.
            TestDatabase.count(databaseName(), "SELECT custos_portal_index_backfill()");
            Map<?, ?> index = Shares.get(http(), session, "/p/authority/index")
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(String.valueOf(index.get("evidence")))
                    .as(values.getKey())
                    .contains("occurred_at=" + values.getValue()[1]);
            assertThat(String.valueOf(index.get("claims")))
                    .as(values.getKey())
                    .contains("loss_date=" + values.getValue()[2]);
            Shares.get(http(), session, "/p/authority/evidence/" + photo)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.occurred_at")
                    .isEqualTo(values.getValue()[1]);
        }
        // Leaves nothing outside the range behind for the repair test, which reads every tenant.
        superuser("UPDATE cc_evidence_objects SET occurred_at = NULL WHERE id = '" + photo + "'");
        superuser("UPDATE cc_insurance_claims SET loss_date = '2026-11-20' WHERE id = '" + claim + "'");
    }

    /** The repair of V25, run again over rows stored outside the range: reported per column, then repaired. */
    @Test
    void theMigrationReportsAndRepairsStoredValuesOutsideTheRange() throws Exception {
        superuser("UPDATE cc_evidence_objects SET occurred_at = '-infinity', captured_at = '10000-01-01 00:00:00+00' "
                + "WHERE id = '" + photo + "'");
        superuser("UPDATE cc_insurance_claims SET loss_date = '0001-01-01 BC' WHERE id = '" + claim + "'");
        String migration = new String(
                getClass()
                        .getResourceAsStream("/db/migration/V25__times_inside_the_range.sql")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        List<String> warnings = new ArrayList<>();
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                Statement sql = owner.createStatement()) {
            sql.execute(migration.substring(migration.indexOf("DO $$")));
            for (SQLWarning warning = sql.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                warnings.add(warning.getMessage());
            }
        }
        assertThat(warnings)
                .anyMatch(w -> w.startsWith("cc_evidence_objects.occurred_at: ") && w.endsWith("NULL"))
                .anyMatch(w -> w.startsWith("cc_evidence_objects.captured_at: ") && w.endsWith("nearest edge"))
                .anyMatch(w -> w.startsWith("cc_insurance_claims.loss_date: ") && w.endsWith("nearest edge"));
        assertThat(stored("SELECT coalesce(occurred_at::text, 'null') FROM cc_evidence_objects WHERE id = '" + photo
                        + "'"))
                .isEqualTo("null");
        assertThat(stored("SELECT to_char(captured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') "
                        + "FROM cc_evidence_objects WHERE id = '" + photo + "'"))
                .isEqualTo("9999-12-31 23:59:59.999999");
        assertThat(stored("SELECT loss_date::text FROM cc_insurance_claims WHERE id = '" + claim + "'"))
                .isEqualTo("0001-01-01");
        assertThat(stored("SELECT relforcerowsecurity::text FROM pg_class WHERE relname = 'cc_evidence_objects'"))
                .as("row-level security is forced again")
                .isEqualTo("true");
        operator.get("/api/evidence/" + photo)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.captured_at")
                .isEqualTo(LAST);
    }

    /**
     * Events stored before the rule keep what was sent (the store is append-only); a rebuild writes their times by
     * the same rule: an unknown occurred_at for an impossible one, the nearest edge for a loss date.
     */
    @Test
    void aRebuildWritesAStoredEventsTimeOutsideTheRangeBounded() {
        UUID forgedEvidence = UUID.randomUUID();
        UUID forgedClaim = UUID.randomUUID();
        copyEvent(
                photo,
                forgedEvidence,
                "'{evidenceId}', to_jsonb('" + forgedEvidence + "'::text)",
                "'{occurredAt}', to_jsonb('-999999999-01-01T00:00:00Z'::text)");
        copyEvent(
                claim,
                forgedClaim,
                "'{claimId}', to_jsonb('" + forgedClaim + "'::text)",
                "'{lossDate}', to_jsonb('+294277-01-01'::text)",
                "'{claimNumber}', to_jsonb('CLM-" + forgedClaim + "'::text)");

        http().mutate()
                .responseTimeout(Duration.ofSeconds(180))
                .build()
                .post()
                .uri("/api/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(Jwts.forAdmin(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(stored("SELECT coalesce(occurred_at::text, 'null') FROM cc_evidence_objects WHERE id = '"
                        + forgedEvidence + "'"))
                .isEqualTo("null");
        assertThat(stored("SELECT loss_date::text FROM cc_insurance_claims WHERE id = '" + forgedClaim + "'"))
                .isEqualTo("9999-12-31");
        operator.get("/api/evidence/" + forgedEvidence)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.occurred_at")
                .doesNotExist();
    }

    /** custos_time_kept and custos_date_kept (V25) move a value exactly as TimeRange.clamped does, at both edges. */
    @Test
    void theSqlHomeOfTheRangeAgreesWithTheJavaHome() throws Exception {
        Map<String, Instant> instants = new LinkedHashMap<>();
        instants.put("-infinity", Instant.MIN);
        instants.put("4713-01-01 00:00:00+00 BC", Instant.parse("-4712-01-01T00:00:00Z"));
        instants.put("0001-12-31 23:59:59.999999+00 BC", Instant.parse("0000-12-31T23:59:59.999999Z"));
        instants.put("0001-01-01 00:00:00+00", Instant.parse(FIRST));
        instants.put("2026-11-20 10:00:00.123456+00", Instant.parse("2026-11-20T10:00:00.123456Z"));
        instants.put("9999-12-31 23:59:59.999999+00", Instant.parse(LAST));
        instants.put("10000-01-01 00:00:00+00", Instant.parse("+10000-01-01T00:00:00Z"));
        instants.put("infinity", Instant.MAX);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("-infinity", LocalDate.MIN);
        dates.put("0001-12-31 BC", LocalDate.of(0, 12, 31));
        dates.put("0001-01-01", LocalDate.of(1, 1, 1));
        dates.put("9999-12-31", LocalDate.of(9999, 12, 31));
        dates.put("10000-01-01", LocalDate.of(10000, 1, 1));
        dates.put("infinity", LocalDate.MAX);
        try (Connection owner = TestDatabase.connect(databaseUrl(), TestDatabase.OWNER, "owner");
                PreparedStatement time =
                        owner.prepareStatement("SELECT extract(epoch FROM custos_time_kept(?::timestamptz))");
                PreparedStatement date =
                        owner.prepareStatement("SELECT custos_date_kept(?::date) - date '1970-01-01'")) {
            for (Map.Entry<String, Instant> value : instants.entrySet()) {
                time.setString(1, value.getKey());
                try (ResultSet row = time.executeQuery()) {
                    row.next();
                    Instant java = TimeRange.clamped(value.getValue());
                    assertThat(row.getBigDecimal(1))
                            .as(value.getKey())
                            .isEqualByComparingTo(BigDecimal.valueOf(java.getEpochSecond())
                                    .add(BigDecimal.valueOf(java.getNano(), 9)));
                }
            }
            for (Map.Entry<String, LocalDate> value : dates.entrySet()) {
                date.setString(1, value.getKey());
                try (ResultSet row = date.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1))
                            .as(value.getKey())
                            .isEqualTo(TimeRange.clamped(value.getValue()).toEpochDay());
                }
            }
        }
    }

    /** A copy of an aggregate's first event under a new aggregate id, its payload changed: an event from before. */
    private void copyEvent(UUID aggregate, UUID copy, String... changes) {
        String payload = "convert_from(payload, 'UTF8')::jsonb";
        for (String change : changes) {
            payload = "jsonb_set(" + payload + ", " + change + ")";
        }
        superuser("INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                + "SELECT gen_random_uuid()::text, meta_data, convert_to((" + payload + ")::text, 'UTF8'), "
                + "payload_revision, payload_type, time_stamp, '" + copy + "', 0, type FROM domain_event_entry "
                + "WHERE aggregate_identifier = '" + aggregate + "' AND sequence_number = 0");
    }

    private static void superuser(String statement) {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement()) {
            assertThat(sql.executeUpdate(statement)).as(statement).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stored(String query) {
        try (Connection db = TestDatabase.superuser(databaseName());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as(query).isTrue();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
