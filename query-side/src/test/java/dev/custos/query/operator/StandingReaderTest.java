package dev.custos.query.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.query.QueryDatabase;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.access.Standing;
import dev.custos.query.access.StandingReader;
import dev.custos.query.directory.DirectoryProjectionFixture;
import dev.custos.query.tenancy.TenantScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The caller's standing, read in one statement that enters the tenant itself: roles count tenant-wide or in their
 * circle only, a target is found only under the caller's row-level security, and the tenant the statement entered
 * is gone once it ends, so the next borrower of the connection sees nothing.
 */
class StandingReaderTest {

    private static QueryDatabase db;
    private static OperatorRoleProjection roles;
    private static DirectoryProjectionFixture directory;
    private static StandingReader standings;

    private final UUID tenant = UUID.randomUUID();
    private final UUID founder = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID circle = UUID.randomUUID();
    private final UUID otherCircle = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-02T10:00:00Z");

    @BeforeAll
    static void database() {
        db = QueryDatabase.fresh();
        roles = new OperatorRoleProjection(db.writes);
        directory = new DirectoryProjectionFixture(db.writes);
        standings = new StandingReader(db.reader);
    }

    @BeforeEach
    void tenantWithACircleOperator() {
        TenantCreated created = new TenantCreated(tenant, "Acme", founder, UUID.randomUUID(), founder, at);
        db.inTransaction(() -> {
            directory.on(created);
            roles.on(created);
            directory.on(new TenantMemberAdded(tenant, member, "Mia", founder, at));
            directory.on(new CircleCreated(tenant, circle, "Claims", founder, at));
            directory.on(new CircleCreated(tenant, otherCircle, "Fleet", founder, at));
            directory.on(new CircleMemberAdded(tenant, circle, member, founder, at));
            roles.on(
                    new OperatorRoleAssigned(tenant, UUID.randomUUID(), "legal_operator", member, circle, founder, at));
        });
    }

    private Standing standing(
            UUID tenantId, UUID individual, String role, UUID requestCircle, ObjectKind kind, UUID target) {
        return standings
                .standing(new TenantScope(tenantId, individual), role, requestCircle, kind, target)
                .block();
    }

    @Test
    void aTenantWideRoleCountsEverywhereAndOnlyForItsOwnKey() {
        assertThat(standing(tenant, founder, "platform_operator", null, null, null)
                        .roleTenantWide())
                .isTrue();
        assertThat(standing(tenant, founder, null, null, null, null).roleTenantWide())
                .isTrue();
        assertThat(standing(tenant, founder, "legal_operator", null, null, null).roleTenantWide())
                .isFalse();
    }

    @Test
    void aCircleRoleCountsInItsCircleOnly() {
        Standing inCircle = standing(tenant, member, "legal_operator", circle, null, null);
        assertThat(inCircle.roleInRequestCircle()).isTrue();
        assertThat(inCircle.roleTenantWide()).isFalse();
        assertThat(inCircle.circles()).isEqualTo(Set.of(circle));

        Standing elsewhere = standing(tenant, member, "legal_operator", otherCircle, null, null);
        assertThat(elsewhere.requestCircleMember()).isFalse();
        assertThat(elsewhere.roleInRequestCircle()).isFalse();
        assertThat(standing(tenant, member, "legal_operator", null, null, null).roleInRequestCircle())
                .isFalse();
    }

    @Test
    void aTargetIsFoundInItsOwnTenantOnly() {
        Standing found = standing(tenant, member, null, null, ObjectKind.CIRCLE, circle);
        assertThat(found.target()).isNotNull();
        assertThat(found.target().circleId()).isEqualTo(circle);

        assertThat(standing(tenant, member, null, null, ObjectKind.CIRCLE, UUID.randomUUID())
                        .target())
                .isNull();
        Standing fromAnotherTenant = standing(UUID.randomUUID(), member, null, null, ObjectKind.CIRCLE, circle);
        assertThat(fromAnotherTenant.target()).isNull();
        assertThat(fromAnotherTenant.tenantMember()).isFalse();
    }

    @Test
    void theTenantTheStatementEnteredIsGoneWhenItEnds() {
        var connection = db.readerConnections.create().block();
        try {
            DatabaseClient oneConnection = DatabaseClient.create(
                    new SingleConnectionFactory(connection, db.readerConnections.getMetadata(), true));

            Standing standing = new StandingReader(oneConnection)
                    .standing(new TenantScope(tenant, founder), null, null, null, null)
                    .block();
            assertThat(standing.tenantMember()).isTrue();

            String tenantAfter = oneConnection
                    .sql("SELECT coalesce(current_setting('app.tenant_id', true), '') AS t")
                    .map(row -> row.get("t", String.class))
                    .one()
                    .block();
            Long membersVisibleAfter = oneConnection
                    .sql("SELECT count(*) AS n FROM cc_tenant_members")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
            assertThat(tenantAfter).isEmpty();
            assertThat(membersVisibleAfter).isZero();
        } finally {
            Mono.from(connection.close()).block();
        }
    }
}
