package dev.custos.api.admin;

import dev.custos.command.UnreadableEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the stored events an aggregate cannot apply: every aggregate in the event store is loaded the way a command
 * loads it (its latest snapshot and the events after it, through the upcasters and its event-sourcing handlers), but
 * fresh, past the cache, and nothing is written. An operator's tool, which reads the whole store: it is not meant
 * for a hot path.
 */
@Component
class UnreadableEvents {

    /** One event an aggregate cannot apply: every command on that aggregate is refused until it is repaired. */
    record Found(String aggregateType, String aggregateId, long sequence, String eventType, String problem) {}

    /** What a check found, and how many aggregates it loaded. */
    record Report(long aggregatesChecked, List<Found> unreadable) {}

    private final Configuration axon;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    UnreadableEvents(Configuration axon, EventStore eventStore, JdbcTemplate jdbc) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** Loads every aggregate of every type; blocks for the whole walk. */
    Report check() {
        long checked = 0;
        List<Found> unreadable = new ArrayList<>();
        for (AggregateConfiguration<?> aggregate : axon.findModules(AggregateConfiguration.class)) {
            Class<?> type = aggregate.aggregateType();
            EventSourcingRepository<?> fresh = EventSourcingRepository.builder(type)
                    .eventStore(eventStore)
                    .parameterResolverFactory(axon.parameterResolverFactory())
                    .handlerDefinition(axon.handlerDefinition(type))
                    .build();
            List<String> ids = jdbc.queryForList(
                    "SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE type = ? ORDER BY 1",
                    String.class,
                    type.getSimpleName());
            for (String id : ids) {
                checked++;
                load(fresh, id, unreadable);
            }
        }
        return new Report(checked, unreadable);
    }

    private static void load(EventSourcingRepository<?> fresh, String id, List<Found> unreadable) {
        // A repository expects to load for a command; this one is only named "check-events" and sent nowhere.
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("check-events"));
        try {
            fresh.load(id);
        } catch (RuntimeException failure) {
            UnreadableEvent.among(failure)
                    .ifPresent(found -> unreadable.add(new Found(
                            found.aggregateType(),
                            found.aggregateId(),
                            found.sequence(),
                            found.eventType(),
                            found.getMessage())));
        } finally {
            unit.rollback();
        }
    }
}
