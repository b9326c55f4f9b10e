package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.Aggregates;
import dev.custos.command.directory.MemberStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A member whose roles change more often than the snapshot interval is snapshotted, and a cold load (the cache
 * emptied, as after a restart) rebuilds it from the snapshot with every rule intact: the held role is still held,
 * a revoked one can be assigned again, and the member is still a member.
 */
class AggregateSnapshotIT extends IntegrationTest {

    @Autowired
    @Qualifier(Aggregates.CACHE)
    private Cache aggregates;

    @Test
    void aSnapshottedMemberKeepsItsRulesAfterAColdLoad() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);
        UUID member = UUID.randomUUID();
        platform.addMember(member);
        platform.assign("legal_operator", member, null);
        for (int i = 0; i < 130; i++) {
            UUID assignment = platform.assign("emergency_operator", member, null);
            platform.post("/api/operator/roles/assignments/" + assignment + "/revoke", Map.of("reason", "rota"))
                    .expectStatus()
                    .isOk();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestDatabase.count(
                                databaseName(),
                                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = '"
                                        + MemberStream.of(tenant, member) + "'")
                        > 0);

        aggregates.removeAll();

        platform.post("/api/tenants/members", Map.of("individual_id", member))
                .expectStatus()
                .isEqualTo(409);
        platform.post("/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", member))
                .expectStatus()
                .isEqualTo(409);
        platform.assign("emergency_operator", member, null);
        assertThat(TestDatabase.count(
                        databaseName(),
                        "SELECT count(*) FROM cc_operator_role_assignments " + "WHERE individual_id = '" + member
                                + "' AND status = 'active'"))
                .isEqualTo(2);
    }
}
