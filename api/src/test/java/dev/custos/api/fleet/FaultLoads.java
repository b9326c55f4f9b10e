package dev.custos.api.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The sizes the fault tests share: how long a load runs, how many clients, and the evidence each hold covers. */
final class FaultLoads {

    static final int CLIENTS = 8;
    static final int TARGETS_PER_HOLD = 5;

    private FaultLoads() {}

    /** How long one load window runs: {@code -Dcustos.fleet.load-seconds}, 20 by default. */
    static Duration window() {
        return Duration.ofSeconds(Long.getLong("custos.fleet.load-seconds", 20));
    }

    /** Evidence objects uploaded through {@code at}, to be the targets of every hold of a load. */
    static List<UUID> evidencePool(FleetTenant tenant, ServiceInstance at) {
        List<UUID> pool = new ArrayList<>();
        for (int i = 0; i < TARGETS_PER_HOLD; i++) {
            Answer uploaded = tenant.upload(at, "Fleet record " + i);
            if (uploaded.status() != 201) {
                throw new IllegalStateException("evidence upload failed: " + uploaded.describe());
            }
            pool.add(UUID.fromString(uploaded.field("id")));
        }
        return pool;
    }

    /** {@code clients} command clients over one tenant's evidence pool. */
    static List<Load.Script> holdClients(FleetTenant tenant, List<UUID> pool, int clients) {
        List<Load.Script> scripts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            scripts.add(new HoldWork(tenant, pool));
        }
        return scripts;
    }
}
