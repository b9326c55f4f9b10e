package dev.custos.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.events.operator.OperatorRoleAssigned;

/** A snapshot of a tenant reads back to the same state: members, circles and role assignments. */
class TenantSnapshotTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aSnapshotReadsBackToTheSameTenant() {
        UUID tenantId = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID circle = UUID.randomUUID();
        Tenant tenant = new Tenant();
        tenant.on(new TenantCreated(tenantId, "Acme", operator, UUID.randomUUID(), operator, AT));
        tenant.on(new TenantMemberAdded(tenantId, member, "Mia", operator, AT));
        tenant.on(new CircleCreated(tenantId, circle, "North", operator, AT));
        tenant.on(new CircleMemberAdded(tenantId, circle, member, operator, AT));
        tenant.on(new OperatorRoleAssigned(tenantId, UUID.randomUUID(), "legal_operator", member, circle, operator,
                AT));

        Jackson3Serializer serializer = Jackson3Serializer.builder().build();
        SerializedObject<byte[]> snapshot = serializer.serialize(tenant, byte[].class);
        Tenant read = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains(member.toString()).contains(circle.toString());
        assertThat(read).usingRecursiveComparison().isEqualTo(tenant);
    }
}
