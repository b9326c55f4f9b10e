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

    /**
     * {@code clients} read clients: each reads one sealed evidence object as the operator, lists the grants, and
     * reads the portal index with a session on a link to that object.
     */
    static List<Load.Script> readClients(Fleet fleet, FleetTenant tenant, int clients) {
        ServiceInstance at = fleet.instance(0);
        UUID evidence = tenant.sealedEvidence(at, "Read record");
        String token = tenant.shareToken(at, 1000, evidence);
        List<Load.Script> scripts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Answer session = Portal.exchange(fleet.http(), at, token, Portal.newClientAddress());
            if (session.status() != 200) {
                throw new IllegalStateException("session exchange failed: " + session.describe());
            }
            scripts.add(new ReadWork(fleet.http(), tenant, evidence, session.field("session_token")));
        }
        return scripts;
    }

    /** The command clients and the read clients together. */
    static List<Load.Script> mixed(
            Fleet fleet, FleetTenant tenant, List<UUID> pool, int commandClients, int readClients) {
        List<Load.Script> scripts = new ArrayList<>(holdClients(tenant, pool, commandClients));
        scripts.addAll(readClients(fleet, tenant, readClients));
        return scripts;
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
