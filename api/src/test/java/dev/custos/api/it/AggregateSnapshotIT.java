package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.Aggregates;

/**
 * A tenant whose directory outgrows the snapshot interval is snapshotted, and a cold load (the cache emptied, as
 * after a restart) rebuilds it from the snapshot with every rule intact: an existing member is still a conflict,
 * an existing role still held, and a new member is still welcome.
 */
class AggregateSnapshotIT extends IntegrationTest {

    @Autowired
    @Qualifier(Aggregates.CACHE)
    private Cache aggregates;

    @Test
    void aSnapshottedTenantKeepsItsRulesAfterAColdLoad() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID member = UUID.randomUUID();
            platform.addMember(member);
            members.add(member);
        }
        platform.assign("legal_operator", members.get(7), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.count(databaseName(),
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = '" + tenant + "'") > 0);

        aggregates.removeAll();

        platform.post("/api/tenants/members", Map.of("individual_id", members.get(3)))
                .expectStatus().isEqualTo(409);
        platform.post("/api/operator/roles/assign", Map.of("role_key", "legal_operator",
                "individual_id", members.get(7))).expectStatus().isEqualTo(409);
        platform.post("/api/tenants/members", Map.of("individual_id", UUID.randomUUID()))
                .expectStatus().isCreated();
        assertThat(TestDatabase.count(databaseName(), "SELECT count(*) FROM cc_tenant_members WHERE tenant_id = '"
                + tenant + "'")).isEqualTo(302);
    }
}
