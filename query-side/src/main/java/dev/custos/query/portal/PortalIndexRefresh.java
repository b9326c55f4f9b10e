package dev.custos.query.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.custos.query.tenancy.TenantWrites;

/**
 * Collects what a transaction changed that a grant's stored portal index may depend on, as keys ({@code kind:id}),
 * and refreshes the grants concerned once, just before the transaction commits
 * ({@code custos_portal_index_touched}). Once per transaction, not once per event: a bundle of fifty members or a
 * share of a grant with its scopes refreshes each grant once, and after every projection of the transaction has
 * written its rows, whatever order the handlers ran in.
 */
@Component
public class PortalIndexRefresh {

    private static final String TOUCHED = "SELECT custos_portal_index_touched(?::text[])";

    private final TenantWrites writes;

    public PortalIndexRefresh(TenantWrites writes) {
        this.writes = writes;
    }

    /** The keys touched so far in the current transaction, by tenant. */
    private static final class Pending {
        private final Map<UUID, Set<String>> keys = new LinkedHashMap<>();
    }

    /** Notes that the transaction wrote the row or the links of one object. */
    public void touched(UUID tenantId, String kind, UUID id) {
        String key = kind + ":" + id;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(tenantId, Set.of(key));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            pending = created;
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PortalIndexRefresh.this);
                }
            });
        }
        pending.keys.computeIfAbsent(tenantId, tenant -> new TreeSet<>()).add(key);
    }

    /**
     * Refreshes now what the current transaction has touched so far: before its commit, or when the caller (a
     * rebuild) must read the stored index inside the transaction.
     */
    public void flush() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            return;
        }
        Map<UUID, Set<String>> keys = new LinkedHashMap<>(pending.keys);
        pending.keys.clear();
        keys.forEach(this::refresh);
    }

    private void refresh(UUID tenantId, Set<String> keys) {
        // Keys are a kind and a UUID: nothing in them needs quoting in an array literal.
        writes.as(tenantId).queryForObject(TOUCHED, Integer.class, "{" + String.join(",", keys) + "}");
    }
}
