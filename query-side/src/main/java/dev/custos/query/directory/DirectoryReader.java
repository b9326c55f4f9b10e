package dev.custos.query.directory;

import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers the membership questions every tenant-scoped request starts with. */
@Component
public class DirectoryReader {

    private final TenantReads reads;

    public DirectoryReader(TenantReads reads) {
        this.reads = reads;
    }

    /** Whether the scope's individual is a member of the scope's tenant. */
    public Mono<Boolean> isTenantMember(TenantScope scope) {
        return scope.individualId() == null ? Mono.just(false) : isMember(scope, scope.individualId());
    }

    /** Whether {@code individualId} (anyone, not only the scope's caller) is a member of the scope's tenant. */
    public Mono<Boolean> isMember(TenantScope scope, UUID individualId) {
        return reads.one(
                        scope,
                        db -> db.sql("SELECT 1 FROM cc_tenant_members "
                                        + "WHERE tenant_id = custos_current_tenant() AND individual_id = :individual")
                                .bind("individual", individualId)
                                .map(row -> true)
                                .first())
                .defaultIfEmpty(false);
    }

    /** Whether the scope's individual is a member of the given circle of the scope's tenant. */
    public Mono<Boolean> isCircleMember(TenantScope scope, UUID circleId) {
        if (scope.individualId() == null) {
            return Mono.just(false);
        }
        return reads.one(
                        scope,
                        db -> db.sql("SELECT 1 FROM cc_circle_members "
                                        + "WHERE tenant_id = custos_current_tenant() AND circle_id = :circle "
                                        + "AND individual_id = :individual")
                                .bind("circle", circleId)
                                .bind("individual", scope.individualId())
                                .map(row -> true)
                                .first())
                .defaultIfEmpty(false);
    }

    /**
     * Everything the directory holds of one member, to adopt it into a stream of its own: its circles, and all its
     * role assignments, those of circles the caller cannot see included ({@code custos_member_assignments} reads
     * them with definer rights, in the caller's tenant only). Empty when the individual is not a member.
     */
    public Mono<MemberRecord> memberRecord(TenantScope scope, UUID individualId) {
        return reads.one(
                scope,
                db -> db.sql("SELECT ARRAY(SELECT c.circle_id FROM cc_circle_members c "
                                + "WHERE c.tenant_id = m.tenant_id AND c.individual_id = m.individual_id "
                                + "ORDER BY c.circle_id) AS circles FROM cc_tenant_members m "
                                + "WHERE m.tenant_id = custos_current_tenant() AND m.individual_id = :individual")
                        .bind("individual", individualId)
                        .map(row -> List.of(row.get("circles", UUID[].class)))
                        .first()
                        .flatMap(circles -> db.sql("SELECT * FROM custos_member_assignments(:individual)")
                                .bind("individual", individualId)
                                .map(row -> new AdoptedRoleAssignment(
                                        row.get("assignment_id", UUID.class),
                                        row.get("role_key", String.class),
                                        row.get("circle_id", UUID.class),
                                        "active".equals(row.get("status", String.class)),
                                        Timestamps.toInstant(row.get("assigned_at", OffsetDateTime.class)),
                                        row.get("assigned_by_individual_id", UUID.class),
                                        Timestamps.toInstant(row.get("revoked_at", OffsetDateTime.class)),
                                        row.get("revoked_by_individual_id", UUID.class),
                                        row.get("revoke_reason", String.class)))
                                .all()
                                .collectList()
                                .map(assignments -> new MemberRecord(individualId, circles, assignments))));
    }

    /** The tenant's longest grant and token lifetime, in days. */
    public Mono<Integer> grantLifetimeDays(TenantScope scope) {
        return reads.one(
                scope,
                db -> db.sql("SELECT max_grant_lifetime_days FROM cc_tenants "
                                + "WHERE tenant_id = custos_current_tenant()")
                        .map(row -> row.get(0, Integer.class))
                        .first());
    }
}
