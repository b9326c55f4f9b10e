package dev.custos.query.operator;

import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads roles and assignments. The "effective" queries implement the rule that circle roles count only in their circle. */
@Component
public class OperatorRoleReader {

    private static final String ASSIGNMENT_COLUMNS = "SELECT a.id, r.role_key, a.individual_id, a.circle_id, a.status, "
            + "a.assigned_at, a.assigned_by_individual_id, a.revoked_at, a.revoked_by_individual_id, a.revoke_reason "
            + "FROM cc_operator_role_assignments a JOIN cc_operator_roles r ON r.id = a.role_id ";

    /** The individual's active assignments. */
    private static final String ACTIVE = "FROM cc_operator_role_assignments a "
            + "JOIN cc_operator_roles r ON r.id = a.role_id "
            + "WHERE a.individual_id = :individual AND a.status = 'active' ";

    /** Active assignments of the individual that count for a request in the given circle (null: no circle). */
    private static final String EFFECTIVE = ACTIVE + "AND (a.circle_id IS NULL OR a.circle_id = :circle) ";

    private final TenantReads reads;

    public OperatorRoleReader(TenantReads reads) {
        this.reads = reads;
    }

    public Flux<OperatorRoleView> roles(TenantScope scope) {
        return reads.many(
                scope,
                db -> db.sql("SELECT id, role_key, title, description FROM cc_operator_roles " + "ORDER BY role_key")
                        .map(row -> new OperatorRoleView(
                                row.get("id", UUID.class),
                                row.get("role_key", String.class),
                                row.get("title", String.class),
                                row.get("description", String.class)))
                        .all());
    }

    public Flux<RoleAssignmentView> assignments(TenantScope scope, int limit, long offset) {
        return reads.many(
                scope,
                db -> db.sql(ASSIGNMENT_COLUMNS + "ORDER BY a.assigned_at DESC, a.id LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map(OperatorRoleReader::assignment)
                        .all());
    }

    public Mono<RoleAssignmentView> assignment(TenantScope scope, UUID assignmentId) {
        return reads.one(
                scope,
                db -> db.sql(ASSIGNMENT_COLUMNS + "WHERE a.id = :id")
                        .bind("id", assignmentId)
                        .map(OperatorRoleReader::assignment)
                        .first());
    }

    /** The distinct role keys that count for the scope's individual in {@code requestCircleId}. */
    public Flux<String> effectiveRoleKeys(TenantScope scope, UUID requestCircleId) {
        return reads.many(
                scope,
                db -> db.sql("SELECT DISTINCT r.role_key " + EFFECTIVE + "ORDER BY r.role_key")
                        .bind("individual", scope.individualId())
                        .bind("circle", circleOrNone(requestCircleId))
                        .map(row -> row.get("role_key", String.class))
                        .all());
    }

    /** A circle that matches no row, so that without a request circle only tenant-wide roles count. */
    private static UUID circleOrNone(UUID circleId) {
        return circleId == null ? new UUID(0, 0) : circleId;
    }

    private static RoleAssignmentView assignment(Readable row) {
        return new RoleAssignmentView(
                row.get("id", UUID.class),
                row.get("role_key", String.class),
                row.get("individual_id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("status", String.class),
                Timestamps.toInstant(row.get("assigned_at", OffsetDateTime.class)),
                row.get("assigned_by_individual_id", UUID.class),
                Timestamps.toInstant(row.get("revoked_at", OffsetDateTime.class)),
                row.get("revoked_by_individual_id", UUID.class),
                row.get("revoke_reason", String.class));
    }
}
