package dev.custos.api.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every connection of the service's roles is cut by the database ({@code pg_terminate_backend}) in the middle of a
 * load: the pools notice and reconnect by themselves, so after a short window there is no 5xx, within it no 500
 * (a lost connection is the database being unreachable for that request: 503 with Retry-After), and nothing
 * acknowledged is lost.
 */
class ConnectionCutFaultIT {

    private static final Duration BEFORE = Duration.ofSeconds(7);
    private static final Duration AFTER = Duration.ofSeconds(13);
    private static final Duration WINDOW = Duration.ofSeconds(2);

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfTwo() {
        fleet = Fleet.start("connection-cut", 2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theFleetRecoversFromCutConnectionsWithoutARestart() {
        FleetTenant tenant = FleetTenant.create(fleet, fleet.instance(0));
        List<UUID> pool = FaultLoads.evidencePool(tenant, fleet.instance(0));
        var running =
                new Load(fleet.instances(), FaultLoads.mixed(fleet, tenant, pool, 6, 2)).start(BEFORE.plus(AFTER));
        FleetDatabase.pause(BEFORE);
        long cut = System.nanoTime();
        long terminated = fleet.terminateConnections();
        Load.Result result = running.join();

        long windowEnd = cut + WINDOW.toNanos();
        Predicate<Load.Outcome> inWindow = Load.startedBetween(cut, windowEnd);
        Predicate<Load.Outcome> afterWindow = Load.startedBetween(windowEnd, Long.MAX_VALUE);
        Predicate<Load.Outcome> failed =
                outcome -> outcome.answer().serverError() || outcome.answer().status() == Answer.NO_ANSWER;
        List<Load.Outcome> failuresInWindow = result.where(inWindow.and(failed));
        List<Load.Outcome> notA503InWindow = result.where(inWindow.and(failed)
                .and(outcome -> !(outcome.answer().status() == 503
                        && outcome.answer().retryAfter().isPresent())));
        List<Load.Outcome> failuresAfterWindow = result.where(afterWindow.and(failed));
        UUID hold = tenant.hold(fleet.instance(1));
        Answer targetOnOther = tenant.addTarget(fleet.instance(0), hold, pool.get(0));
        EventStore.Comparison store = EventStore.compare(fleet.database(), tenant.id(), result.acknowledged());
        Figures.row(getClass(), "pg_terminate_backend of every service connection under 6 command + 2 read clients")
                .instances(fleet.size())
                .load(result, store, result.count(Load.status(409)))
                .serverErrors(
                        result.count(inWindow.and(Load.serverError())),
                        result.count(afterWindow.and(Load.serverError())))
                .firstSuccessAfter(result.firstSuccessAfter(cut, outcome -> true))
                .notes(String.format(
                        Locale.ROOT,
                        "%d backends terminated; %s window; failures in it %d (not 503 with Retry-After %d), after it %d; non-2xx: %s",
                        terminated,
                        WINDOW,
                        failuresInWindow.size(),
                        notA503InWindow.size(),
                        failuresAfterWindow.size(),
                        result.refusals()))
                .append();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(terminated)
                .as("backends of the service's roles terminated")
                .isPositive();
        softly.assertThat(describe(notA503InWindow))
                .as("failures in the %s after the cut that are not 503 with Retry-After", WINDOW)
                .isEmpty();
        softly.assertThat(describe(failuresAfterWindow))
                .as("5xx or no answer later than %s after the cut (%d)", WINDOW, failuresAfterWindow.size())
                .isEmpty();
        softly.assertThat(targetOnOther.status())
                .as("a command after the load, without a restart: %s", targetOnOther.describe())
                .isEqualTo(201);
        softly.assertThat(store.lost())
                .as("acknowledged but not in the event store")
                .isZero();
        softly.assertThat(store.duplicated()).as("stored twice").isZero();
        softly.assertAll();
    }

    private static List<String> describe(List<Load.Outcome> outcomes) {
        return outcomes.stream()
                .map(outcome -> outcome.operation() + " on " + outcome.instance() + " "
                        + outcome.answer().statusAndDetail())
                .distinct()
                .toList();
    }
}
