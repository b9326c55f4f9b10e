package dev.custos.query.emergency;

import dev.custos.events.emergency.RunScopeWindow;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads runs of the scope's tenant; a run of a circle the reader is not a member of is not there. */
@Component
public class EmergencyRunReader {

    private static final String RUN_COLUMNS = "SELECT r.id, r.circle_id, r.run_type, r.title, r.summary, r.status, "
            + "r.started_at, r.started_by_individual_id, r.resolved_at, r.resolved_by_individual_id, "
            + "r.resolution_note, (SELECT p.bundle_id FROM cc_emergency_run_record_packs p WHERE p.run_id = r.id "
            + "ORDER BY p.generated_at DESC, p.bundle_id LIMIT 1) AS latest_pack FROM cc_emergency_runs r ";

    private final TenantReads reads;
    private final Clock clock;

    public EmergencyRunReader(TenantReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    public Mono<EmergencyRunView> run(TenantScope scope, UUID runId) {
        return reads.one(
                scope,
                db -> db.sql(RUN_COLUMNS + "WHERE r.id = :id")
                        .bind("id", runId)
                        .map(EmergencyRunReader::run)
                        .first());
    }

    /** The run a request with this client request id started, if any. */
    public Mono<EmergencyRunView> runByClientRequest(TenantScope scope, String clientRequestId) {
        return reads.one(
                scope,
                db -> db.sql(RUN_COLUMNS + "WHERE r.client_request_id = :key")
                        .bind("key", clientRequestId)
                        .map(EmergencyRunReader::run)
                        .first());
    }

    public Flux<RunScopeGrantView> scopeGrants(TenantScope scope, UUID runId) {
        Instant now = clock.instant();
        return reads.many(
                scope,
                db -> db.sql("SELECT id, run_id, grantee_individual_id, scope_key, expires_at, "
                                + "granted_at, granted_by_individual_id, revoked_at, revoke_reason "
                                + "FROM cc_emergency_run_scope_grants WHERE run_id = :run ORDER BY granted_at, id")
                        .bind("run", runId)
                        .map(row -> {
                            Instant expiresAt = instant(row, "expires_at");
                            Instant revokedAt = instant(row, "revoked_at");
                            return new RunScopeGrantView(
                                    row.get("id", UUID.class),
                                    row.get("run_id", UUID.class),
                                    row.get("grantee_individual_id", UUID.class),
                                    row.get("scope_key", String.class),
                                    expiresAt,
                                    instant(row, "granted_at"),
                                    row.get("granted_by_individual_id", UUID.class),
                                    revokedAt,
                                    row.get("revoke_reason", String.class),
                                    RunScopeWindow.status(revokedAt, expiresAt, now));
                        })
                        .all());
    }

    /** The run's record packs, oldest first. */
    public Flux<RecordPackView> recordPacks(TenantScope scope, UUID runId) {
        return reads.many(
                scope,
                db -> db.sql("SELECT bundle_id, manifest_sha256, capture_count, generated_at, "
                                + "generated_by_individual_id FROM cc_emergency_run_record_packs WHERE run_id = :run "
                                + "ORDER BY generated_at, bundle_id")
                        .bind("run", runId)
                        .map(row -> new RecordPackView(
                                row.get("bundle_id", UUID.class),
                                row.get("manifest_sha256", String.class),
                                row.get("capture_count", Integer.class),
                                instant(row, "generated_at"),
                                row.get("generated_by_individual_id", UUID.class)))
                        .all());
    }

    private static EmergencyRunView run(Readable row) {
        return new EmergencyRunView(
                row.get("id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("run_type", String.class),
                row.get("title", String.class),
                row.get("summary", String.class),
                row.get("status", String.class),
                instant(row, "started_at"),
                row.get("started_by_individual_id", UUID.class),
                instant(row, "resolved_at"),
                row.get("resolved_by_individual_id", UUID.class),
                row.get("resolution_note", String.class),
                row.get("latest_pack", UUID.class));
    }

    private static Instant instant(Readable row, String column) {
        return Timestamps.toInstant(row.get(column, OffsetDateTime.class));
    }
}
