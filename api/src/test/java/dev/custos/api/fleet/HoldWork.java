package dev.custos.api.fleet;

import java.util.List;
import java.util.UUID;

/**
 * The command load: place a hold, then add each evidence object of the pool to it as a target, one request at a
 * time, then place the next hold. Every target is new to its hold, so no 409 is ever the right answer; each 201 is
 * an acknowledgement the event store must hold exactly once.
 */
final class HoldWork implements Load.Script {

    private final FleetTenant tenant;
    private final List<UUID> evidence;
    private UUID hold;
    private int nextTarget;

    HoldWork(FleetTenant tenant, List<UUID> evidence) {
        this.tenant = tenant;
        this.evidence = List.copyOf(evidence);
    }

    @Override
    public Load.Outcome step(ServiceInstance at) {
        long started = System.nanoTime();
        if (hold == null || nextTarget == evidence.size()) {
            Answer placed = tenant.placeHold(at);
            Load.Acknowledged acknowledged = null;
            if (placed.status() == 201) {
                hold = UUID.fromString(placed.field("id"));
                nextTarget = 0;
                acknowledged = new Load.Acknowledged(hold, null);
            }
            return new Load.Outcome("place hold", placed, acknowledged, at.index(), started);
        }
        UUID target = evidence.get(nextTarget++);
        Answer added = tenant.addTarget(at, hold, target);
        return new Load.Outcome(
                "add target",
                added,
                added.status() == 201 ? new Load.Acknowledged(hold, target) : null,
                at.index(),
                started);
    }
}
