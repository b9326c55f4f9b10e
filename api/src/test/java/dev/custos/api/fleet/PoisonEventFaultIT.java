package dev.custos.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hold whose stream holds an event its aggregate cannot read (a target added without its type or id, written
 * straight into the store): every command on that hold, on any instance, answers the problem that names the hold and
 * the sequence, every time, and every other hold goes on working.
 */
class PoisonEventFaultIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Fleet fleet;

    @BeforeAll
    static void fleetOfTwo() {
        fleet = Fleet.start("poison-event", 2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aPoisonedHoldAnswersTheUnreadableEventProblemAndOtherHoldsWork() throws SQLException {
        ServiceInstance a = fleet.instance(0);
        FleetTenant tenant = FleetTenant.create(fleet, a);
        List<UUID> evidence = FaultLoads.evidencePool(tenant, a);
        UUID hold = tenant.hold(a);
        Answer first = tenant.addTarget(a, hold, evidence.get(0));
        assertThat(first.status()).as(first.describe()).isEqualTo(201);
        long poisonSequence = poison(hold);

        List<Answer> answers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (ServiceInstance at : fleet.instances()) {
                answers.add(tenant.addTarget(at, hold, evidence.get(1)));
            }
        }
        List<Answer> others = new ArrayList<>();
        for (ServiceInstance at : fleet.instances()) {
            UUID other = tenant.hold(at);
            others.add(tenant.addTarget(at, other, evidence.get(2)));
        }

        Figures.row(getClass(), "poison LegalHoldTargetAdded at sequence " + poisonSequence)
                .instances(fleet.size())
                .sent(answers.size() + others.size())
                .acknowledged(others.stream().filter(Answer::ok).count())
                .notes("poisoned hold: " + Answer.summarize(answers) + "; other holds: " + Answer.summarize(others))
                .append();
        assertThat(answers)
                .as("commands on the poisoned hold, twice on each instance")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.describe()).isEqualTo(500);
                    assertThat(answer.field("type")).as(answer.describe()).isEqualTo("/problems/unreadable-event");
                    assertThat(answer.detail())
                            .as(answer.describe())
                            .contains(hold.toString())
                            .containsPattern("\\b" + poisonSequence + "\\b");
                });
        assertThat(others)
                .as("a target added to another hold, on each instance")
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.describe()).isEqualTo(201));
    }

    /**
     * Copies the hold's real LegalHoldTargetAdded row to the next sequence with targetType and targetId removed from
     * its payload, as superuser (the store refuses updates, not inserts); answers that sequence.
     */
    private static long poison(UUID hold) throws SQLException {
        try (Connection superuser = fleet.database().superuser()) {
            long realSequence;
            try (PreparedStatement real = superuser.prepareStatement(
                    "SELECT sequence_number, convert_from(payload, 'UTF8') FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.LegalHoldTargetAdded'")) {
                real.setString(1, hold.toString());
                try (ResultSet row = real.executeQuery()) {
                    assertThat(row.next())
                            .as("the hold's stored LegalHoldTargetAdded")
                            .isTrue();
                    realSequence = row.getLong(1);
                    Map<String, Object> payload = JSON.readValue(
                            row.getString(2), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
                    assertThat(payload).as("a real target's payload").containsKeys("targetType", "targetId");
                }
            }
            try (PreparedStatement insert = superuser.prepareStatement("INSERT INTO domain_event_entry "
                    + "(event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp, "
                    + "aggregate_identifier, sequence_number, type) "
                    + "SELECT ?, meta_data, convert_to(((convert_from(payload, 'UTF8')::jsonb) - 'targetType' - 'targetId')::text, 'UTF8'), "
                    + "payload_revision, payload_type, time_stamp, aggregate_identifier, "
                    + "(SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?), type "
                    + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, hold.toString());
                insert.setString(3, hold.toString());
                insert.setLong(4, realSequence);
                assertThat(insert.executeUpdate()).as("poison rows inserted").isEqualTo(1);
            }
            return fleet.database()
                    .count("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = '" + hold
                            + "'");
        }
    }
}
