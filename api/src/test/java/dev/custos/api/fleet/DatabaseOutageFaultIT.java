package dev.custos.api.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped the hard way (SIGQUIT, as {@code pg_ctl -m immediate}) in the middle of a load of commands,
 * operator reads and portal reads, and started again five seconds later. Meanwhile every answer is a quick 503 with
 * Retry-After and readiness is DOWN while liveness stays UP; within 5 s of the database's return every instance
 * succeeds again, with no 5xx after that, and nothing acknowledged is lost.
 */
class DatabaseOutageFaultIT {

    private static final Duration BEFORE = Duration.ofSeconds(6);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(14);
    /** The contract's 2 s, plus what a loaded two-core machine adds to a round trip. */
    private static final long SLOWEST_OUTAGE_ANSWER_MILLIS = 2500;

    private static final double RECOVERY_SECONDS = 5;

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfTwo() {
        fleet = Fleet.start("database-outage", 2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void anOutageIsAnsweredWith503AndRecoveredFromWithin5Seconds() {
        FleetTenant tenant = FleetTenant.create(fleet, fleet.instance(0));
        List<UUID> pool = FaultLoads.evidencePool(tenant, fleet.instance(0));
        var running = new Load(fleet.instances(), FaultLoads.mixed(fleet, tenant, pool, 6, 2))
                .start(BEFORE.plus(OUTAGE).plus(AFTER));
        FleetDatabase.pause(BEFORE);
        long stopping = System.nanoTime();
        fleet.stopDatabaseImmediately();
        long down = System.nanoTime();
        FleetDatabase.pause(OUTAGE.dividedBy(2));
        List<Answer> readinessDuring = new ArrayList<>();
        List<Answer> livenessDuring = new ArrayList<>();
        for (ServiceInstance instance : fleet.instances()) {
            readinessDuring.add(instance.readiness());
            livenessDuring.add(instance.liveness());
        }
        FleetDatabase.pause(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stopping)));
        long restarting = System.nanoTime();
        fleet.startDatabase();
        long up = System.nanoTime();
        List<Double> readyAgain = new ArrayList<>();
        for (ServiceInstance instance : fleet.instances()) {
            readyAgain.add(secondsUntilReady(instance, up));
        }
        Load.Result result = running.join();

        // Every request the outage touched: still in flight when PostgreSQL got SIGQUIT, or sent before its restart.
        Predicate<Load.Outcome> duringOutage = outcome -> outcome.startedNanos() < restarting
                && outcome.startedNanos() + outcome.answer().elapsedMillis() * 1_000_000 >= stopping;
        List<Load.Outcome> outageAnswers = result.where(duringOutage);
        // A request the outage touched may still succeed, or be refused for its own reasons once the database is
        // back; what the outage itself may cause is a 503 with Retry-After, never another 5xx and never a hang.
        List<Load.Outcome> notA503 =
                result.where(duringOutage.and(outcome -> outcome.answer().status() == Answer.NO_ANSWER
                        || (outcome.answer().serverError()
                                && !(outcome.answer().status() == 503
                                        && outcome.answer().retryAfter().isPresent()))));
        // How long each waited once the database was gone: an answer sent before the stop is not held against it.
        long slowest = outageAnswers.stream()
                .mapToLong(outcome ->
                        outcome.answer().elapsedMillis() - Math.max(0, (stopping - outcome.startedNanos()) / 1_000_000))
                .max()
                .orElse(0);
        List<Double> firstSuccess = new ArrayList<>();
        for (ServiceInstance instance : fleet.instances()) {
            firstSuccess.add(result.firstSuccessAfter(up, Load.on(instance.index())));
        }
        double recovered = firstSuccess.stream()
                .mapToDouble(seconds -> seconds)
                .map(seconds -> Double.isNaN(seconds) ? Double.POSITIVE_INFINITY : seconds)
                .max()
                .orElse(Double.NaN);
        // The contract's bound: every instance answers as usual within 5 s of the database's return, and no 5xx
        // after that. Until then a 503 with Retry-After is allowed (a pool still refilling after its backoff).
        long recoveredAt = up + (long) (RECOVERY_SECONDS * 1e9);
        Predicate<Load.Outcome> failed =
                outcome -> outcome.answer().serverError() || outcome.answer().status() == Answer.NO_ANSWER;
        List<Load.Outcome> failuresAfterRecovery =
                result.where(Load.startedBetween(recoveredAt, Long.MAX_VALUE).and(failed));
        double lastFailureAfterReturn = result
                .where(Load.startedBetween(up, Long.MAX_VALUE).and(failed))
                .stream()
                .mapToDouble(outcome -> (outcome.startedNanos() - up) / 1e9)
                .max()
                .orElse(0);
        EventStore.Comparison store = EventStore.compare(fleet.database(), tenant.id(), result.acknowledged());
        Figures.row(getClass(), "PostgreSQL SIGQUIT for " + OUTAGE.toSeconds() + " s under 6 command + 2 read clients")
                .instances(fleet.size())
                .load(result, store, result.count(Load.status(409)))
                .serverErrors(
                        result.count(duringOutage.and(Load.serverError())),
                        result.count(
                                Load.startedBetween(recoveredAt, Long.MAX_VALUE).and(Load.serverError())))
                .firstSuccessAfter(recovered)
                .notes(String.format(
                        Locale.ROOT,
                        "stop took %d ms; during the outage %d requests, %d failed otherwise than 503 with Retry-After, "
                                + "longest wait %d ms; "
                                + "readiness during %s, liveness during %s; readiness UP again after %s s; "
                                + "first success per instance %s s; last 5xx started %.2f s after the return; "
                                + "non-2xx: %s",
                        (down - stopping) / 1_000_000,
                        outageAnswers.size(),
                        notA503.size(),
                        slowest,
                        readinessDuring.stream().map(Answer::status).toList(),
                        livenessDuring.stream().map(Answer::status).toList(),
                        readyAgain,
                        firstSuccess,
                        lastFailureAfterReturn,
                        result.refusals()))
                .append();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(outageAnswers).as("requests sent during the outage").isNotEmpty();
        softly.assertThat(notA503.stream()
                        .map(outcome ->
                                outcome.operation() + " " + outcome.answer().statusAndDetail()
                                        + (outcome.answer().status() == 503 ? " without Retry-After" : ""))
                        .distinct()
                        .toList())
                .as(
                        "5xx other than 503 with Retry-After, or no answer, during the outage (%d of %d)",
                        notA503.size(), outageAnswers.size())
                .isEmpty();
        softly.assertThat(slowest)
                .as(
                        "the longest wait for an answer during the outage, in ms (a request never answered waited the "
                                + "client's whole %d ms timeout)",
                        FleetHttp.REQUEST_TIMEOUT.toMillis())
                .isLessThanOrEqualTo(SLOWEST_OUTAGE_ANSWER_MILLIS);
        softly.assertThat(readinessDuring.stream().map(Answer::status).toList())
                .as("readiness of each instance %s into the outage", OUTAGE.dividedBy(2))
                .containsOnly(503);
        softly.assertThat(livenessDuring.stream().map(Answer::status).toList())
                .as("liveness of each instance during the outage")
                .containsOnly(200);
        softly.assertThat(readyAgain)
                .as("seconds until each instance's readiness is UP after the database's return: %s", readyAgain)
                .allMatch(seconds -> seconds <= RECOVERY_SECONDS);
        softly.assertThat(firstSuccess)
                .as("seconds from the database's return to each instance's first success: %s", firstSuccess)
                .allMatch(seconds -> seconds <= RECOVERY_SECONDS);
        softly.assertThat(failuresAfterRecovery.stream()
                        .map(outcome -> outcome.operation() + " on " + outcome.instance() + " "
                                + outcome.answer().statusAndDetail())
                        .distinct()
                        .toList())
                .as(
                        "5xx or no answer later than %s s after the database's return (%d)",
                        RECOVERY_SECONDS, failuresAfterRecovery.size())
                .isEmpty();
        softly.assertThat(store.lost())
                .as("acknowledged but not in the event store")
                .isZero();
        softly.assertThat(store.duplicated()).as("stored twice").isZero();
        softly.assertAll();
    }

    /** Polls readiness until it is 200; seconds since {@code fromNanos}, or NaN if not within 20 s. */
    private static double secondsUntilReady(ServiceInstance instance, long fromNanos) {
        long deadline = fromNanos + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (instance.readiness().status() == 200) {
                return (System.nanoTime() - fromNanos) / 1e9;
            }
            FleetDatabase.pause(Duration.ofMillis(100));
        }
        return Double.NaN;
    }
}
