package dev.custos.query.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.query.QueryDatabase;
import dev.custos.query.access.Standing;
import dev.custos.query.access.StandingReader;
import dev.custos.query.tenancy.TenantScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory's events make the membership that every request is checked against: the directory reader and the
 * operator-action pipeline's one-statement standing agree on it, a stranger is no member, and a replay changes
 * nothing.
 */
class DirectoryProjectionTest {

    private static QueryDatabase db;
    private static DirectoryProjection projection;
    private static DirectoryReader directory;
    private static StandingReader standings;

    private final UUID tenant = UUID.randomUUID();
    private final UUID founder = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID circle = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-02T10:00:00Z");

    @BeforeAll
    static void database() {
        db = QueryDatabase.fresh();
        projection = new DirectoryProjection(db.writes);
        directory = new DirectoryReader(db.reads);
        standings = new StandingReader(db.reader);
    }

    private void projectTheDirectory() {
        db.inTransaction(() -> {
            projection.on(new TenantCreated(tenant, "Acme", founder, UUID.randomUUID(), founder, at));
            projection.on(new TenantMemberAdded(tenant, member, "Mia", founder, at));
            projection.on(new CircleCreated(tenant, circle, "Claims", founder, at));
            projection.on(new CircleMemberAdded(tenant, circle, member, founder, at));
        });
    }

    private Standing standing(UUID individual, UUID requestCircle) {
        return standings
                .standing(new TenantScope(tenant, individual), null, requestCircle, null, null)
                .block();
    }

    @Test
    void membersAreMembersAndStrangersAreNot() {
        projectTheDirectory();
        UUID stranger = UUID.randomUUID();

        assertThat(directory.isTenantMember(new TenantScope(tenant, member)).block())
                .isTrue();
        assertThat(directory
                        .isCircleMember(new TenantScope(tenant, member), circle)
                        .block())
                .isTrue();
        assertThat(directory.isTenantMember(new TenantScope(tenant, stranger)).block())
                .isFalse();
        assertThat(directory
                        .isCircleMember(new TenantScope(tenant, founder), circle)
                        .block())
                .isFalse();

        Standing memberInCircle = standing(member, circle);
        assertThat(memberInCircle.tenantMember()).isTrue();
        assertThat(memberInCircle.requestCircleMember()).isTrue();
        assertThat(memberInCircle.circles()).isEqualTo(Set.of(circle));
        assertThat(memberInCircle.roleTenantWide()).isFalse();
        Standing founderInCircle = standing(founder, circle);
        assertThat(founderInCircle.tenantMember()).isTrue();
        assertThat(founderInCircle.requestCircleMember()).isFalse();
        assertThat(standing(stranger, null).tenantMember()).isFalse();
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        projectTheDirectory();

        assertThat(directory
                        .isTenantMember(new TenantScope(UUID.randomUUID(), member))
                        .block())
                .isFalse();
    }

    @Test
    void replayingTheDirectoryGivesTheSameRows() {
        projectTheDirectory();
        String members = db.snapshot("cc_tenant_members", "tenant_id, individual_id");
        String circleMembers = db.snapshot("cc_circle_members", "tenant_id, circle_id, individual_id");

        projectTheDirectory();

        assertThat(db.snapshot("cc_tenant_members", "tenant_id, individual_id")).isEqualTo(members);
        assertThat(db.snapshot("cc_circle_members", "tenant_id, circle_id, individual_id"))
                .isEqualTo(circleMembers);
    }
}
