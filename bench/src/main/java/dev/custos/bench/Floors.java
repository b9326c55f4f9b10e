package dev.custos.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The database's share of one operator command and of one portal read, as pgbench scripts: the statements the
 * service sends for them (taken from PostgreSQL's statement log), with nothing in front. What pgbench reaches with
 * them is the most the service could reach if its own work cost nothing, on the same two cores.
 *
 * <p>Both are lower bounds of the database's work: pgbench connects as the bench's superuser, so row-level
 * security is not evaluated, and rows go to copies of the tables, without the audit chain's trigger, so the
 * service's database is not touched.
 */
final class Floors {

    /** The size of one of Bucket4j's serialized bucket states for the portal's limit, as the service stores it. */
    private static final int BUCKET_STATE_BYTES = 107;

    private Floors() {}

    /** The copies the scripts write to (like {@code bench_event} for the event store). */
    static List<String> copyTableDdl() {
        return List.of(
                "CREATE TABLE bench_run (LIKE cc_emergency_runs INCLUDING ALL)",
                "CREATE TABLE bench_operator_event (LIKE cc_operator_events INCLUDING ALL)",
                "CREATE TABLE bench_access_event (LIKE cc_authority_access_events INCLUDING ALL)",
                "CREATE TABLE bench_rate_limit_bucket (LIKE portal_rate_limit_buckets INCLUDING ALL)",
                "INSERT INTO bench_rate_limit_bucket (id, state) SELECT 'bucket-' || n, " + "decode(repeat('00', "
                        + BUCKET_STATE_BYTES + "), 'hex') FROM generate_series(1, 16) n");
    }

    /**
     * One {@code run_start}: the caller's standing (one statement), then one transaction with the event, the tenant,
     * the run's row and its audit row, committed with a WAL flush.
     */
    static String command(Http.As operator) {
        return """
                SELECT * FROM custos_operator_standing('%1$s', '%2$s', 'emergency_operator', NULL, NULL, NULL);
                BEGIN;
                %3$s
                SELECT set_config('app.tenant_id', '%1$s', true);
                INSERT INTO bench_run (id, tenant_id, circle_id, run_type, title, summary, status, client_request_id, \
                started_at, started_by_individual_id) VALUES (gen_random_uuid(), '%1$s', NULL, 'flood', 'Bench run', \
                NULL, 'active', NULL, now(), '%2$s');
                INSERT INTO bench_operator_event (id, tenant_id, circle_id, operator_individual_id, action_key, \
                subject_type, subject_id, occurred_at, payload) VALUES (gen_random_uuid(), '%1$s', NULL, '%2$s', \
                'run_start', 'emergency_run', gen_random_uuid(), now(), '{"title": "Bench run"}');
                COMMIT;
                """.formatted(operator.tenant(), operator.individual(), event());
    }

    /**
     * One {@code GET /p/authority/index}: the limiter's transaction on one of 16 buckets, the definer function, and
     * the access event with its row in one transaction (the access log commits a batch of these at once), for one of
     * the grant's tokens.
     */
    static String portalRead(Connection sql, UUID tenant, UUID grant) throws SQLException {
        UUID token;
        try (PreparedStatement first = sql.prepareStatement(
                "SELECT id FROM cc_authority_access_tokens WHERE grant_id = ? ORDER BY id LIMIT 1")) {
            first.setObject(1, grant);
            try (ResultSet row = first.executeQuery()) {
                row.next();
                token = row.getObject(1, UUID.class);
            }
        }
        return """
                \\set bucket random(1, 16)
                BEGIN;
                SELECT state FROM bench_rate_limit_bucket WHERE id = 'bucket-' || :bucket FOR UPDATE;
                UPDATE bench_rate_limit_bucket SET state = decode(repeat('01', %5$d), 'hex') WHERE id = 'bucket-' || :bucket;
                COMMIT;
                SELECT cc_authority_list_scope_index('%1$s', '%2$s', '%3$s')::text;
                BEGIN;
                %4$s
                SELECT set_config('app.tenant_id', '%1$s', true);
                INSERT INTO bench_access_event (id, tenant_id, grant_id, token_id, event_type, event_at, ip, user_agent, \
                path, event_payload) VALUES (gen_random_uuid(), '%1$s', '%2$s', '%3$s', 'access_allowed', now(), \
                '127.0.0.1', 'Java-http-client/17', '/p/authority/index', \
                '{"view_counted": false, "view_number": 0}') ON CONFLICT (id) DO NOTHING;
                COMMIT;
                """.formatted(tenant, grant, token, event(), BUCKET_STATE_BYTES);
    }

    /** An event row of about the size of a serialized event and its metadata, as in B0. */
    private static String event() {
        return PgBench.INSERT.replace('\n', ' ').strip();
    }
}
