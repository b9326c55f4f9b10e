package dev.custos.query.directory;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantWrites;

/**
 * Builds the directory tables, in the command's own transaction, because membership is checked on every request.
 * Every write is an idempotent upsert, so a replay yields the same rows.
 */
@Component
@ProcessingGroup(ProcessingGroups.SYNCHRONOUS)
class DirectoryProjection {

    private final TenantWrites writes;

    DirectoryProjection(TenantWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(TenantCreated event) {
        var jdbc = writes.as(event.tenantId());
        jdbc.update("INSERT INTO cc_tenants (tenant_id, name, created_at, created_by_individual_id) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id) DO NOTHING",
                event.tenantId(), event.name(), Timestamps.of(event.createdAt()), event.createdByIndividualId());
        insertMember(event.tenantId(), event.firstOperatorIndividualId(), null, event.createdByIndividualId(),
                event.createdAt());
    }

    @EventHandler
    void on(TenantMemberAdded event) {
        insertMember(event.tenantId(), event.individualId(), event.displayName(), event.addedByIndividualId(),
                event.addedAt());
    }

    @EventHandler
    void on(CircleCreated event) {
        writes.as(event.tenantId()).update(
                "INSERT INTO cc_circles (id, tenant_id, name, created_at, created_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                event.circleId(), event.tenantId(), event.name(), Timestamps.of(event.createdAt()),
                event.createdByIndividualId());
    }

    @EventHandler
    void on(CircleMemberAdded event) {
        writes.as(event.tenantId()).update(
                "INSERT INTO cc_circle_members (tenant_id, circle_id, individual_id, added_at, added_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (circle_id, individual_id) DO NOTHING",
                event.tenantId(), event.circleId(), event.individualId(), Timestamps.of(event.addedAt()),
                event.addedByIndividualId());
    }

    private void insertMember(UUID tenantId, UUID individualId, String displayName,
                              UUID addedBy, Instant addedAt) {
        writes.as(tenantId).update(
                "INSERT INTO cc_tenant_members (tenant_id, individual_id, display_name, added_at, added_by_individual_id) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, individual_id) DO NOTHING",
                tenantId, individualId, displayName, Timestamps.of(addedAt), addedBy);
    }
}
