package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Twenty readers open a five-view link at once, through two instances: exactly five get a session, and every other
 * gets the contract's one 401, byte for byte the answer to a token that never existed; never a 409.
 */
class ConcurrentExchangesFaultIT {

    private static final int READERS = 20;
    private static final int MAX_VIEWS = 5;

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfTwo() {
        fleet = Fleet.start("concurrent-exchanges", 2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void exactlyMaxViewsSucceedAndEveryOtherIsTheIdentical401() {
        ServiceInstance a = fleet.instance(0);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        String token = tenant.shareToken(a, MAX_VIEWS, tenant.sealedEvidence(a, "Shared record"));
        Answer unknown = Portal.exchange(fleet.http(), a, "unknown-" + UUID.randomUUID(), Portal.newClientAddress());

        List<Answer> answers = Concurrently.send(
                READERS,
                reader -> Portal.exchange(
                        fleet.http(), fleet.instance(reader % fleet.size()), token, Portal.newClientAddress()));

        List<Integer> statuses = answers.stream().map(Answer::status).toList();
        Figures.row(getClass(), READERS + " concurrent exchanges, max_views " + MAX_VIEWS)
                .instances(fleet.size())
                .sent(READERS)
                .acknowledged(statuses.stream().filter(status -> status == 200).count())
                .spurious409(statuses.stream().filter(status -> status == 409).count())
                .notes(Answer.tally(statuses))
                .append();
        assertThat(unknown.status())
                .as("an unknown token: %s", unknown.describe())
                .isEqualTo(401);
        assertThat(statuses)
                .as("no exchange may answer 409: %s", Answer.tally(statuses))
                .doesNotContain(409);
        assertThat(statuses.stream().filter(status -> status == 200).count())
                .as("sessions issued on a link of %d views: %s", MAX_VIEWS, Answer.tally(statuses))
                .isEqualTo(MAX_VIEWS);
        assertThat(answers.stream().filter(answer -> answer.status() != 200).map(Answer::body))
                .as("every refused exchange has the unknown token's body, byte for byte")
                .hasSize(READERS - MAX_VIEWS)
                .containsOnly(unknown.body());
        assertThat(answers.stream().filter(answer -> answer.status() != 200).map(Answer::status))
                .containsOnly(401);
    }
}
