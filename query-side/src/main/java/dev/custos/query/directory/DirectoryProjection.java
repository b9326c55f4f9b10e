package dev.custos.query.directory;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.FactRow;
import dev.custos.query.tenancy.TenantWrites;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the directory tables, in the command's own transaction, because membership is checked on every request.
 * Every write is a {@link FactRow}: a replay yields the same rows, and a conflicting fact fails loudly.
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
        FactRow.into("cc_tenants")
                .key("tenant_id", event.tenantId())
                .value("name", event.name())
                .value("created_at", Timestamps.of(event.createdAt()))
                .value("created_by_individual_id", event.createdByIndividualId())
                .insert(writes.as(event.tenantId()));
        insertMember(
                event.tenantId(),
                event.firstOperatorIndividualId(),
                null,
                event.createdByIndividualId(),
                event.createdAt());
    }

    @EventHandler
    void on(GrantLifetimeLimitSet event) {
        writes.as(event.tenantId())
                .update(
                        "UPDATE cc_tenants SET max_grant_lifetime_days = ? WHERE tenant_id = ?",
                        event.maxLifetimeDays(),
                        event.tenantId());
    }

    @EventHandler
    void on(TenantMemberAdded event) {
        insertMember(
                event.tenantId(),
                event.individualId(),
                event.displayName(),
                event.addedByIndividualId(),
                event.addedAt());
    }

    /** Keyed by tenant and circle: two tenants may hold the same circle id and never meet. */
    @EventHandler
    void on(CircleCreated event) {
        FactRow.into("cc_circles")
                .key("tenant_id", event.tenantId())
                .key("id", event.circleId())
                .value("name", event.name())
                .value("created_at", Timestamps.of(event.createdAt()))
                .value("created_by_individual_id", event.createdByIndividualId())
                .insert(writes.as(event.tenantId()));
    }

    @EventHandler
    void on(CircleMemberAdded event) {
        FactRow.into("cc_circle_members")
                .key("tenant_id", event.tenantId())
                .key("circle_id", event.circleId())
                .key("individual_id", event.individualId())
                .value("added_at", Timestamps.of(event.addedAt()))
                .value("added_by_individual_id", event.addedByIndividualId())
                .insert(writes.as(event.tenantId()));
    }

    private void insertMember(UUID tenantId, UUID individualId, String displayName, UUID addedBy, Instant addedAt) {
        FactRow.into("cc_tenant_members")
                .key("tenant_id", tenantId)
                .key("individual_id", individualId)
                .value("display_name", displayName)
                .value("added_at", Timestamps.of(addedAt))
                .value("added_by_individual_id", addedBy)
                .insert(writes.as(tenantId));
    }
}
