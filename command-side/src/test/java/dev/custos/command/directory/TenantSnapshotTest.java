package dev.custos.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.directory.AdoptedRoleAssignment;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdopted;
import dev.custos.events.operator.OperatorRoleAssigned;
import dev.custos.events.operator.OperatorRoleRevoked;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** Snapshots of a tenant and of a member read back to the same state. */
class TenantSnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void aTenantSnapshotReadsBackToTheSameCircles() {
        UUID tenantId = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        Tenant tenant = new Tenant();
        tenant.on(new TenantCreated(tenantId, "Acme", operator, UUID.randomUUID(), operator, AT));
        tenant.on(new CircleCreated(tenantId, circle, "North", operator, AT));

        SerializedObject<byte[]> snapshot = serializer.serialize(tenant, byte[].class);

        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8)).contains(circle.toString());
        assertThat((Tenant) serializer.deserialize(snapshot))
                .usingRecursiveComparison()
                .isEqualTo(tenant);
    }

    @Test
    void aMemberSnapshotReadsBackToTheSameCirclesAndRoles() {
        UUID tenantId = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        TenantMember member = new TenantMember();
        member.on(new TenantMemberAdopted(
                tenantId,
                operator,
                List.of(),
                List.of(new AdoptedRoleAssignment(
                        UUID.randomUUID(), "platform_operator", null, true, AT, operator, null, null, null)),
                AT));
        member.on(new CircleMemberAdded(tenantId, circle, operator, operator, AT));
        member.on(new OperatorRoleAssigned(tenantId, revoked, "legal_operator", operator, circle, operator, AT));
        member.on(new OperatorRoleRevoked(tenantId, revoked, "legal_operator", operator, circle, operator, "left", AT));

        SerializedObject<byte[]> snapshot = serializer.serialize(member, byte[].class);

        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8))
                .contains(circle.toString())
                .contains("left");
        assertThat((TenantMember) serializer.deserialize(snapshot))
                .usingRecursiveComparison()
                .isEqualTo(member);
    }
}
