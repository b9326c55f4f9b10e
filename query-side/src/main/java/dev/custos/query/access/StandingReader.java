package dev.custos.query.access;

import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;

import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import reactor.core.publisher.Mono;

/**
 * Reads a caller's {@link Standing} in one statement, and so in one round trip: the operator-action pipeline's
 * only read before it decides. The object's circle is found under the caller's row-level security, so a hidden
 * object is simply not there.
 */
@Component
public class StandingReader {

    /** The caller's active assignments of the role (any role when {@code :role} is empty). */
    private static final String HELD = "SELECT 1 FROM cc_operator_role_assignments a "
            + "JOIN cc_operator_roles r ON r.id = a.role_id "
            + "WHERE a.individual_id = :individual AND a.status = 'active' "
            + "AND (CAST(:role AS text) = '' OR r.role_key = :role) ";

    private static final String COLUMNS = "SELECT "
            + "EXISTS (SELECT 1 FROM cc_tenant_members WHERE individual_id = :individual) AS tenant_member, "
            + "EXISTS (SELECT 1 FROM cc_circle_members WHERE tenant_id = custos_current_tenant() "
            + "AND circle_id = :circle AND individual_id = :individual) AS circle_member, "
            + "EXISTS (" + HELD + "AND a.circle_id IS NULL) AS tenant_wide, "
            + "EXISTS (" + HELD + "AND a.circle_id = :circle) AS in_circle, "
            + "ARRAY(SELECT circle_id FROM cc_circle_members WHERE tenant_id = custos_current_tenant() "
            + "AND individual_id = :individual) AS circles";

    private final TenantReads reads;

    public StandingReader(TenantReads reads) {
        this.reads = reads;
    }

    /**
     * The standing for {@code roleKey} ({@code null}: any operator role) in {@code requestCircleId} ({@code null}:
     * none), and the object {@code kind}/{@code objectId} when both are given.
     */
    public Mono<Standing> standing(TenantScope scope, String roleKey, UUID requestCircleId, ObjectKind kind,
                                   UUID objectId) {
        boolean withTarget = kind != null && objectId != null;
        String sql = withTarget
                ? COLUMNS + ", target.found AS target_found, target.circle_id AS target_circle "
                + "FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT true AS found, q.circle_id FROM ("
                + kind.circleQuery() + ") q LIMIT 1) target ON true"
                : COLUMNS;
        return reads.one(scope, db -> {
            GenericExecuteSpec statement = db.sql(sql)
                    .bind("individual", scope.individualId())
                    .bind("role", roleKey == null ? "" : roleKey)
                    // A circle that matches no row, so that without a request circle only tenant-wide roles count.
                    .bind("circle", requestCircleId == null ? new UUID(0, 0) : requestCircleId);
            if (withTarget) {
                statement = statement.bind("id", objectId);
            }
            return statement.map(row -> new Standing(
                            Boolean.TRUE.equals(row.get("tenant_member", Boolean.class)),
                            requestCircleId == null || Boolean.TRUE.equals(row.get("circle_member", Boolean.class)),
                            Boolean.TRUE.equals(row.get("tenant_wide", Boolean.class)),
                            Boolean.TRUE.equals(row.get("in_circle", Boolean.class)),
                            Set.of(row.get("circles", UUID[].class)),
                            withTarget && Boolean.TRUE.equals(row.get("target_found", Boolean.class))
                                    ? new Located(kind, objectId, row.get("target_circle", UUID.class)) : null))
                    .first();
        });
    }
}
