package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One of two instances is killed with SIGKILL in the middle of a load: the other carries on without a failure, the
 * killed one's in-flight requests may fail but nothing acknowledged is lost, and once restarted it serves what the
 * other wrote meanwhile.
 */
class KilledInstanceFaultIT {

    private static final int SURVIVOR = 0;
    private static final int KILLED = 1;

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfTwo() {
        fleet = Fleet.start("killed-instance", 2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theSurvivorCarriesOnNothingIsLostAndTheRestartedInstanceCatchesUp() {
        ServiceInstance survivor = fleet.instance(SURVIVOR);
        FleetTenant tenant = FleetTenant.create(fleet, survivor);
        List<UUID> pool = FaultLoads.evidencePool(tenant, survivor);
        Duration window = FaultLoads.window();
        var running =
                new Load(fleet.instances(), FaultLoads.holdClients(tenant, pool, FaultLoads.CLIENTS)).start(window);
        FleetDatabase.pause(window.dividedBy(3));
        long killedAt = System.nanoTime();
        fleet.kill9(KILLED);
        // Written through the survivor while the other is down: what the restarted instance must then serve.
        UUID writtenWhileDown = tenant.sealedEvidence(survivor, "Written while instance 1 was down");
        UUID holdWhileDown = tenant.hold(survivor);
        Answer heldWhileDown = tenant.addTarget(survivor, holdWhileDown, pool.get(0));
        Load.Result result = running.join();

        long restartStarted = System.nanoTime();
        fleet.restart(KILLED);
        double restartSeconds = (System.nanoTime() - restartStarted) / 1e9;
        ServiceInstance restarted = fleet.instance(KILLED);
        Answer readBack = tenant.evidence(restarted, writtenWhileDown);
        Answer addedAfterRestart = tenant.addTarget(restarted, holdWhileDown, pool.get(1));

        EventStore.Comparison store = EventStore.compare(fleet.database(), tenant.id(), result.acknowledged());
        List<Load.Outcome> survivorFailures =
                result.where(Load.on(SURVIVOR).and(outcome -> !outcome.answer().ok()));
        long killedFailures = result.count(Load.on(KILLED)
                .and(Load.startedBetween(killedAt, Long.MAX_VALUE))
                .and(outcome -> !outcome.answer().ok()));
        Figures.row(
                        getClass(),
                        "kill -9 of instance 1 at " + window.dividedBy(3).toSeconds() + " s of " + window.toSeconds()
                                + " s, " + FaultLoads.CLIENTS + " clients")
                .instances(fleet.size())
                .load(result, store, result.count(Load.status(409)))
                .serverErrors(result.count(Load.serverError().and(Load.startedBetween(killedAt, Long.MAX_VALUE))), 0)
                .notes(String.format(
                        Locale.ROOT,
                        "survivor failures %d; killed instance's failed requests after the kill %d; restart to ready %.1f s; non-2xx: %s",
                        survivorFailures.size(),
                        killedFailures,
                        restartSeconds,
                        result.refusals()))
                .append();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(heldWhileDown.status())
                .as("a target added on the survivor while the other was down: %s", heldWhileDown.describe())
                .isEqualTo(201);
        softly.assertThat(survivorFailures.stream()
                        .map(outcome ->
                                outcome.operation() + " " + outcome.answer().statusAndDetail())
                        .distinct()
                        .toList())
                .as("answers other than 2xx on the survivor (%d)", survivorFailures.size())
                .isEmpty();
        softly.assertThat(store.lost())
                .as("acknowledged but not in the event store")
                .isZero();
        softly.assertThat(store.duplicated()).as("stored twice").isZero();
        softly.assertThat(readBack.status())
                .as("the restarted instance reads evidence written while it was down: %s", readBack.describe())
                .isEqualTo(200);
        softly.assertThat(addedAfterRestart.status())
                .as(
                        "a target added on the restarted instance to a hold written while it was down: %s",
                        addedAfterRestart.describe())
                .isEqualTo(201);
        if (addedAfterRestart.status() == 201) {
            softly.assertThat(targetIds(addedAfterRestart))
                    .as("the restarted instance's hold shows the target added while it was down")
                    .containsExactlyInAnyOrder(
                            pool.get(0).toString(), pool.get(1).toString());
        }
        softly.assertAll();
        assertThat(restarted.alive()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> targetIds(Answer hold) {
        return ((List<Map<String, Object>>) hold.json().get("targets"))
                .stream().map(target -> (String) target.get("target_id")).toList();
    }
}
