package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twenty operators do the same thing to one hold at once, through three instances: one wins, and every other gets
 * the 409 a single instance gives for the state it finds (never the store's unique key surfacing as "already
 * exists"), and the event store holds the winner's event once. A racer told 503 with Retry-After (three JVMs and a
 * database on two cores can keep a racer waiting on the hold's lock past its bound) asks again, as the contract
 * tells a client to.
 */
class RacesAcrossInstancesFaultIT {

    private static final int RACERS = 20;

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfThree() {
        fleet = Fleet.start("races", 3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void oneOfTwentyConcurrentReleasesWins() {
        FleetTenant tenant = FleetTenant.create(fleet, fleet.instance(0));
        UUID hold = tenant.hold(fleet.instance(0));

        List<Answer> answers = Concurrently.send(
                RACERS,
                racer -> Answer.retryingWhenTold(() -> tenant.release(fleet.instance(racer % fleet.size()), hold)));

        record(answers, "20 concurrent releases of one hold");
        assertThat(answers.stream().filter(answer -> answer.status() == 200).count())
                .as("releases that succeeded: %s", Answer.summarize(answers))
                .isEqualTo(1);
        assertThat(answers.stream().filter(answer -> answer.status() != 200))
                .as("every other release")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.describe()).isEqualTo(409);
                    assertThat(answer.detail()).as(answer.describe()).isEqualTo("the hold is already released");
                });
        assertThat(EventStore.count(fleet.database(), hold, "LegalHoldReleased"))
                .as("LegalHoldReleased events stored")
                .isEqualTo(1);
    }

    @Test
    void oneOfTwentyConcurrentAdditionsOfTheSameTargetWins() {
        FleetTenant tenant = FleetTenant.create(fleet, fleet.instance(0));
        UUID evidence = tenant.sealedEvidence(fleet.instance(0), "Contested record");
        UUID hold = tenant.hold(fleet.instance(0));

        List<Answer> answers = Concurrently.send(
                RACERS,
                racer -> Answer.retryingWhenTold(
                        () -> tenant.addTarget(fleet.instance(racer % fleet.size()), hold, evidence)));

        record(answers, "20 concurrent additions of one target");
        assertThat(answers.stream().filter(answer -> answer.status() == 201).count())
                .as("additions that succeeded: %s", Answer.summarize(answers))
                .isEqualTo(1);
        assertThat(answers.stream().filter(answer -> answer.status() != 201))
                .as("every other addition")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.describe()).isEqualTo(409);
                    assertThat(answer.detail()).as(answer.describe()).isEqualTo("the hold already covers this target");
                });
        assertThat(EventStore.holdEvents(fleet.database(), tenant.id()).get(new Load.Acknowledged(hold, evidence)))
                .as("LegalHoldTargetAdded events stored for the target")
                .isEqualTo(1);
    }

    private void record(List<Answer> answers, String scenario) {
        Figures.row(getClass(), scenario)
                .instances(fleet.size())
                .sent(answers.size())
                .acknowledged(answers.stream().filter(Answer::ok).count())
                .notes(Answer.summarize(answers))
                .append();
    }
}
