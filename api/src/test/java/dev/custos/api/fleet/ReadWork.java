package dev.custos.api.fleet;

import java.util.UUID;

/**
 * The read load: an operator reading evidence, an operator listing grants, and a reader's portal index, in turn.
 * Each portal read comes from a new client address, so the per-address rate limit never answers for the service.
 */
final class ReadWork implements Load.Script {

    private final FleetHttp http;
    private final FleetTenant tenant;
    private final UUID evidence;
    private final String session;
    private int turn;

    ReadWork(FleetHttp http, FleetTenant tenant, UUID evidence, String session) {
        this.http = http;
        this.tenant = tenant;
        this.evidence = evidence;
        this.session = session;
    }

    @Override
    public Load.Outcome step(ServiceInstance at) {
        long started = System.nanoTime();
        return switch (turn++ % 3) {
            case 0 -> new Load.Outcome("read evidence", tenant.evidence(at, evidence), null, at.index(), started);
            case 1 -> new Load.Outcome("list grants", tenant.grants(at), null, at.index(), started);
            default ->
                new Load.Outcome(
                        "portal index",
                        Portal.index(http, at, session, Portal.newClientAddress()),
                        null,
                        at.index(),
                        started);
        };
    }
}
