package dev.custos.query.directory;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
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
        return exists(scope, "SELECT 1 FROM cc_tenant_members WHERE individual_id = :individual", null);
    }

    /** Whether the scope's individual is a member of the given circle of the scope's tenant. */
    public Mono<Boolean> isCircleMember(TenantScope scope, UUID circleId) {
        return exists(scope, "SELECT 1 FROM cc_circle_members WHERE tenant_id = custos_current_tenant() "
                        + "AND circle_id = :circle AND individual_id = :individual",
                circleId);
    }

    /** The tenant's longest grant and token lifetime, in days. */
    public Mono<Integer> grantLifetimeDays(TenantScope scope) {
        return reads.one(scope, db -> db.sql("SELECT max_grant_lifetime_days FROM cc_tenants "
                        + "WHERE tenant_id = custos_current_tenant()")
                .map(row -> row.get(0, Integer.class)).first());
    }

    private Mono<Boolean> exists(TenantScope scope, String sql, UUID circleId) {
        if (scope.individualId() == null) {
            return Mono.just(false);
        }
        return reads.one(scope, db -> {
                    var spec = db.sql(sql).bind("individual", scope.individualId());
                    if (circleId != null) {
                        spec = spec.bind("circle", circleId);
                    }
                    return spec.map(row -> true).first();
                })
                .defaultIfEmpty(false);
    }
}
