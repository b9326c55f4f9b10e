package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three instances behind a balancer that does not pin clients: every request may land on any instance, and every
 * answer must be the one a single instance would give. The load's throughput on one, two and three instances, in
 * the same run, is the figure for scaling.
 */
class AlternatingInstancesFaultIT {

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfThree() {
        fleet = Fleet.start("alternating", 3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void holdTargetsAddedOnAlternatingInstancesAreAllCreated() {
        ServiceInstance a = fleet.instance(0);
        ServiceInstance b = fleet.instance(1);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        List<UUID> pool = FaultLoads.evidencePool(tenant, a);
        UUID hold = tenant.hold(a);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            ServiceInstance at = i % 2 == 0 ? b : a;
            Answer added = tenant.addTarget(at, hold, pool.get(i));
            answers.add("target " + (i + 1) + " on instance " + at.index() + ": " + added.describe());
        }
        long created =
                answers.stream().filter(answer -> answer.contains(": 201 ")).count();
        Figures.row(getClass(), "sequential alternation A,B,A,...")
                .instances(2)
                .sent(pool.size())
                .acknowledged(created)
                .spurious409(answers.stream()
                        .filter(answer -> answer.contains(": 409 "))
                        .count())
                .append();
        assertThat(answers)
                .as("each target added on the other instance than the last must be 201")
                .allMatch(answer -> answer.contains(": 201 "));
    }

    @Test
    void sessionExchangesAlternatingBetweenInstancesAllSucceed() {
        ServiceInstance a = fleet.instance(0);
        ServiceInstance b = fleet.instance(1);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        String token = tenant.shareToken(a, 1000, tenant.sealedEvidence(a, "Shared record"));
        List<Integer> statuses = new ArrayList<>();
        String address = Portal.newClientAddress();
        for (int i = 0; i < 60; i++) {
            // A new reader address every 20 exchanges keeps each (address, token) under the 30 a minute limit.
            if (i % 20 == 0) {
                address = Portal.newClientAddress();
            }
            statuses.add(Portal.exchange(fleet.http(), i % 2 == 0 ? a : b, token, address)
                    .status());
        }
        Figures.row(getClass(), "session exchanges A/B on max_views 1000")
                .instances(2)
                .sent(statuses.size())
                .acknowledged(statuses.stream().filter(status -> status == 200).count())
                .spurious409(statuses.stream().filter(status -> status == 409).count())
                .append();
        assertThat(statuses)
                .as("60 exchanges alternating A/B on a link of 1000 views")
                .containsOnly(200);
    }

    @Test
    void thePortalRateLimitHoldsInTotalAcrossInstances() {
        ServiceInstance a = fleet.instance(0);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        String token = tenant.shareToken(a, 1000, tenant.sealedEvidence(a, "Shared record"));
        String address = Portal.newClientAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(Portal.exchange(fleet.http(), fleet.instance(i % fleet.size()), token, address)
                    .status());
        }
        Figures.row(getClass(), "rate limit 30/min, one address, 60 exchanges over 3 instances")
                .instances(fleet.size())
                .sent(statuses.size())
                .acknowledged(statuses.stream().filter(status -> status == 200).count())
                .notes(Answer.tally(statuses))
                .append();
        assertThat(statuses.stream().filter(status -> status == 200).count())
                .as("exchanges allowed for one address and token over three instances: %s", Answer.tally(statuses))
                .isEqualTo(30);
        assertThat(statuses).as("every exchange past the limit is 429").containsOnly(200, 429);
    }

    @Test
    void maxViewsHoldInTotalAcrossInstances() {
        ServiceInstance a = fleet.instance(0);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        String token = tenant.shareToken(a, 10, tenant.sealedEvidence(a, "Shared record"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(
                    Portal.exchange(fleet.http(), fleet.instance(i % fleet.size()), token, Portal.newClientAddress())
                            .status());
        }
        Figures.row(getClass(), "max_views 10, 21 exchanges over 3 instances")
                .instances(fleet.size())
                .sent(statuses.size())
                .acknowledged(statuses.stream().filter(status -> status == 200).count())
                .notes(Answer.tally(statuses))
                .append();
        assertThat(statuses.subList(0, 10))
                .as("the first ten views, spread over three instances")
                .containsOnly(200);
        assertThat(statuses.subList(10, 21)).as("every exchange past max_views").containsOnly(401);
    }

    @Test
    void underLoadNothingAcknowledgedIsLostDuplicatedOrRefusedOnOneTwoAndThreeInstances() {
        SoftAssertions softly = new SoftAssertions();
        for (int size = 1; size <= fleet.size(); size++) {
            FleetTenant tenant = FleetTenant.create(fleet, fleet.instance(0));
            List<UUID> pool = FaultLoads.evidencePool(tenant, fleet.instance(0));
            Load.Result result = new Load(
                            fleet.instances().subList(0, size),
                            FaultLoads.holdClients(tenant, pool, FaultLoads.CLIENTS))
                    .run(FaultLoads.window());
            EventStore.Comparison store = EventStore.compare(fleet.database(), tenant.id(), result.acknowledged());
            long conflicts = result.count(Load.status(409));
            long failures = result.count(
                    outcome -> !outcome.answer().ok() && outcome.answer().status() != 409);
            Figures.row(
                            getClass(),
                            FaultLoads.CLIENTS + " clients round-robin, "
                                    + FaultLoads.window().toSeconds() + " s")
                    .instances(size)
                    .load(result, store, conflicts)
                    .serverErrors(result.count(Load.serverError()), 0)
                    .notes("non-2xx: " + result.refusals())
                    .append();
            softly.assertThat(store.lost())
                    .as("%d instance(s): acknowledged but not in the event store", size)
                    .isZero();
            softly.assertThat(store.duplicated())
                    .as("%d instance(s): stored twice", size)
                    .isZero();
            softly.assertThat(conflicts)
                    .as("%d instance(s): 409s on new targets (%s)", size, result.refusals())
                    .isZero();
            softly.assertThat(failures)
                    .as("%d instance(s): answers other than 201 and 409 (%s)", size, result.refusals())
                    .isZero();
        }
        softly.assertAll();
    }
}
