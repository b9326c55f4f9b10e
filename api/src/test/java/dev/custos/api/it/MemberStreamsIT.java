package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.api.support.AggregatelessEvents;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.command.Aggregates;
import dev.custos.command.directory.MemberStream;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant member is a stream of its own. Two members' commands do not wait for each other; a member the tenant's
 * own stream recorded (every tenant's first operator, and any member from before the split) is adopted, with its
 * circles and roles, the first time a command needs it, and keeps every rule.
 */
class MemberStreamsIT extends IntegrationTest {

    @Autowired
    private AggregatelessEvents appender;

    @Autowired
    @Qualifier(Aggregates.CACHE)
    private Cache aggregates;

    @Autowired
    private ApplicationContext context;

    @Test
    void aCommandOnOneMemberDoesNotWaitForAnotherMembersLock() throws Exception {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);
        UUID busy = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        platform.addMember(busy);
        platform.addMember(free);

        LockFactory locks = context.getBean(Aggregates.LOCKS, LockFactory.class);
        TransactionTemplate holding = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        holding.executeWithoutResult(status -> {
            // The busy member's lock, taken as a command takes it: held until this transaction ends.
            locks.obtainLock(MemberStream.of(tenant, busy).toString());
            waiting.add(CompletableFuture.supplyAsync(() -> platform.post(
                            "/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", busy))
                    .returnResult(Void.class)
                    .getStatus()
                    .value()));

            platform.assign("legal_operator", free, null);

            assertThat(waiting.get(0))
                    .as("the busy member's own command waits for its lock")
                    .isNotDone();
        });
        assertThat(waiting.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM cc_operator_role_assignments WHERE tenant_id = '" + tenant
                        + "' AND individual_id IN ('" + busy + "', '" + free + "')"))
                .isEqualTo(2);
    }

    @Test
    void theFirstOperatorIsAdoptedWithTheirPlatformRoleAndNoAuditRow() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);

        platform.post("/api/operator/roles/assign", Map.of("role_key", "platform_operator", "individual_id", operator))
                .expectStatus()
                .isEqualTo(409);
        UUID circle = platform.circleWith(operator);

        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + MemberStream.of(tenant, operator) + "' AND type = 'TenantMember'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + MemberStream.of(tenant, operator) + "' AND payload_type LIKE '%TenantMemberAdopted'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cc_circle_members WHERE circle_id = '" + circle
                        + "' AND individual_id = '" + operator + "'"))
                .isEqualTo(1);
        // The refused assignment left nothing in the audit log; the adoption before it is no action at all.
        assertThat(count("SELECT count(*) FROM cc_operator_events WHERE tenant_id = '" + tenant + "'"))
                .isZero();
    }

    @Test
    void aMemberFromTheTenantsOwnStreamKeepsTheirCirclesAndRoles() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);
        UUID circle = platform.circleWith(operator);
        UUID legacy = UUID.randomUUID();
        UUID circleRole = UUID.randomUUID();
        UUID revokedRole = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-01T09:00:00Z");
        // What a tenant stream written before the split says of a member: after TenantCreated and CircleCreated.
        appendToTenant(
                tenant,
                2,
                List.of(
                        new TenantMemberAdded(tenant, legacy, "Lee", operator, at),
                        new CircleMemberAdded(tenant, circle, legacy, operator, at),
                        new OperatorRoleAssigned(tenant, circleRole, "legal_operator", legacy, circle, operator, at),
                        new OperatorRoleAssigned(tenant, revokedRole, "emergency_operator", legacy, null, operator, at),
                        new OperatorRoleRevoked(
                                tenant, revokedRole, "emergency_operator", legacy, null, operator, "left", at)));

        platform.post("/api/tenants/members", Map.of("individual_id", legacy))
                .expectStatus()
                .isEqualTo(409);
        platform.post("/api/circles/" + circle + "/members", Map.of("individual_id", legacy))
                .expectStatus()
                .isEqualTo(409);
        platform.inCircle(circle)
                .post(
                        "/api/operator/roles/assign",
                        Map.of("role_key", "legal_operator", "individual_id", legacy, "circle_id", circle))
                .expectStatus()
                .isEqualTo(409);
        platform.post("/api/operator/roles/assignments/" + revokedRole + "/revoke", Map.of("reason", "again"))
                .expectStatus()
                .isEqualTo(409);
        platform.post("/api/operator/roles/assignments/" + circleRole + "/revoke", Map.of("reason", "moved"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("revoked")
                .jsonPath("$.assigned_at")
                .isEqualTo("2026-11-01T09:00:00Z");
        platform.assign("emergency_operator", legacy, null);

        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + MemberStream.of(tenant, legacy) + "' AND payload_type LIKE '%TenantMemberAdopted'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cc_operator_role_assignments WHERE individual_id = '" + legacy
                        + "' AND status = 'active'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM cc_tenant_members WHERE individual_id = '" + legacy + "'"))
                .isEqualTo(1);
    }

    @Test
    void aStrangerIsNotAdopted() {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        UUID stranger = UUID.randomUUID();

        as(operator, tenant)
                .post("/api/operator/roles/assign", Map.of("role_key", "legal_operator", "individual_id", stranger))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("the individual is not a member of the tenant");

        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                        + MemberStream.of(tenant, stranger) + "'"))
                .isZero();
    }

    private void appendToTenant(UUID tenant, long firstSequence, List<Object> events) {
        long sequence = firstSequence;
        List<GenericDomainEventMessage<?>> messages = new java.util.ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("Tenant", tenant.toString(), sequence++, event));
        }
        appender.append(messages);
        aggregates.removeAll();
    }

    private static long count(String sql) {
        return TestDatabase.count(databaseName(), sql);
    }
}
