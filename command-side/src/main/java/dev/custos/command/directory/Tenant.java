package dev.custos.command.directory;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Refusal;
import dev.custos.command.authority.GrantLifetime;
import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.GrantLifetimeLimitSet;
import dev.custos.events.directory.TenantCreated;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant: its circles and its settings. Its members, their circle memberships and their roles are each a
 * {@link TenantMember} of their own, so the tenant's stream grows with its circles, not with its directory.
 * Streams written before that split also hold member and role events; this aggregate no longer reads them, and each
 * such member is adopted into its own stream ({@link AdoptTenantMember}) the first time a command needs it.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Tenant {

    @AggregateIdentifier
    private UUID tenantId;

    private Set<UUID> circles = new HashSet<>();

    @CommandHandler
    Tenant(CreateTenant command, Clock clock) {
        require(command.tenantId() != null, INVALID, "tenant_id is required");
        require(command.firstOperatorIndividualId() != null, INVALID, "first_operator_individual_id is required");
        apply(new TenantCreated(
                command.tenantId(),
                requireText(command.name(), "name"),
                command.firstOperatorIndividualId(),
                command.firstOperatorAssignmentId(),
                command.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    void handle(CreateCircle command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        require(command.circleId() != null, INVALID, "circle_id is required");
        require(!circles.contains(command.circleId()), Refusal.DUPLICATE_ID, "a circle with this id already exists");
        apply(new CircleCreated(
                tenantId,
                command.circleId(),
                requireText(command.name(), "name"),
                command.requestedBy(),
                clock.instant()));
    }

    @CommandHandler
    int handle(SetGrantLifetimeLimit command, Clock clock) {
        command.reach().requireActOn(null, "tenant");
        GrantLifetime.requireValidLimit(command.maxLifetimeDays());
        apply(new GrantLifetimeLimitSet(tenantId, command.maxLifetimeDays(), command.requestedBy(), clock.instant()));
        return command.maxLifetimeDays();
    }

    @EventSourcingHandler
    void on(TenantCreated event) {
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(CircleCreated event) {
        circles.add(event.circleId());
    }

    Tenant() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
