package dev.custos.query.portal;

import dev.custos.query.legal.HoldCoverage;
import dev.custos.query.tenancy.TenantWrites;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/**
 * Collects what a unit of work changed that a grant's stored portal index may depend on, as keys
 * ({@code kind:id}), and refreshes the grants concerned once, when the unit commits
 * ({@code custos_portal_index_touched}). Once per unit, not once per event: a bundle of fifty members or a share
 * of a grant with its scopes refreshes each grant once, and after every projection of the unit has written its
 * rows, whatever order the handlers ran in. The unit's commit runs inside the JDBC transaction its events were
 * appended in (it is how the projections share it), so the refresh commits or rolls back with them; a refresh that
 * fails rolls the unit back.
 */
@Component
public class PortalIndexRefresh {

    /**
     * The tenant's hold lock first, then the refresh, which takes the tenant's index lock: a share takes the hold lock
     * to check its scope after its grant's refresh, and a hold change takes the index lock after the hold lock, so
     * taken in any other order the two deadlock. One statement: the target list is evaluated left to right.
     */
    private static final String TOUCHED =
            "SELECT " + HoldCoverage.LOCK_TENANT + ", custos_portal_index_touched(?::text[])";

    private static final String PENDING = PortalIndexRefresh.class.getName() + ".pending";
    private static final String DEFERRED = PortalIndexRefresh.class.getName() + ".deferred";

    private final TenantWrites writes;

    public PortalIndexRefresh(TenantWrites writes) {
        this.writes = writes;
    }

    /** The keys touched so far, by tenant. */
    private static final class Pending {
        private final Map<UUID, Set<String>> keys = new LinkedHashMap<>();

        void add(UUID tenantId, String key) {
            keys.computeIfAbsent(tenantId, tenant -> new TreeSet<>()).add(key);
        }
    }

    /**
     * Leaves the refresh of what {@code unit} touches to whoever started it: a rebuild replays every event in a unit
     * of its own, and refreshes every grant once at its end ({@link #refreshEveryGrant}) rather than after each.
     */
    public static void defer(UnitOfWork<?> unit) {
        unit.resources().put(DEFERRED, Boolean.TRUE);
    }

    /** Writes every grant's stored index afresh, each in its own tenant; answers how many. */
    public int refreshEveryGrant(List<Map.Entry<UUID, UUID>> tenantAndGrant) {
        tenantAndGrant.forEach(grant -> writes.as(grant.getKey())
                .queryForObject("SELECT custos_portal_index_refresh(?) IS NULL", Boolean.class, grant.getValue()));
        return tenantAndGrant.size();
    }

    /** Notes that the current unit of work wrote the row or the links of one object. */
    public void touched(UUID tenantId, String kind, UUID id) {
        String key = kind + ":" + id;
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
            if (unit.resources().containsKey(DEFERRED)) {
                return;
            }
            Pending pending = unit.getOrComputeResource(PENDING, name -> {
                Pending created = new Pending();
                unit.onCommit(committing -> refresh(created));
                return created;
            });
            pending.add(tenantId, key);
        } else {
            refresh(tenantId, Set.of(key));
        }
    }

    private void refresh(Pending pending) {
        Map<UUID, Set<String>> keys = new LinkedHashMap<>(pending.keys);
        pending.keys.clear();
        keys.forEach(this::refresh);
    }

    private void refresh(UUID tenantId, Set<String> keys) {
        // Keys are a kind and a UUID: nothing in them needs quoting in an array literal.
        writes.as(tenantId)
                .query(
                        TOUCHED,
                        (ResultSetExtractor<Void>) rows -> null,
                        HoldCoverage.tenantLockKey(tenantId),
                        "{" + String.join(",", keys) + "}");
    }
}
