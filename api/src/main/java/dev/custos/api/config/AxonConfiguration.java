package dev.custos.api.config;

import dev.custos.api.support.AggregateLocks;
import dev.custos.command.Aggregates;
import dev.custos.events.operator.ActionMetaData;
import dev.custos.events.upcasting.ActionMetaDataUpcaster;
import dev.custos.events.upcasting.AuthorityGrantCreatedUpcaster;
import dev.custos.events.upcasting.CircleOwnershipUpcaster;
import dev.custos.query.ProcessingGroups;
import dev.custos.query.tenancy.TenantWrites;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon beyond what Boot's auto-configuration does (JDBC event store, jackson3 serializers: see application.yml).
 *
 * <p>No processing group logs and skips a failure: every projection runs in the {@code synchronous} group, in the
 * transaction that appends its events, so the event store and the read tables never disagree.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Events between snapshots: a cold load reads at most this many events after the snapshot. */
    static final int SNAPSHOT_EVERY = 250;

    /** Millisecond ticks: event times survive the round trip through timestamptz unchanged. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** See {@link Aggregates#CACHE}: weak references, so the heap decides how many aggregates stay loaded. */
    @Bean(Aggregates.CACHE)
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** See {@link Aggregates#LOCKS}: an advisory lock of the transaction, so a database lock like any other. */
    @Bean(Aggregates.LOCKS)
    LockFactory aggregateLocks(
            JdbcTemplate jdbc, TenantWrites tenants, @Qualifier(Aggregates.CACHE) Cache cache, MeterRegistry meters) {
        return new AggregateLocks(jdbc, tenants, cache, meters);
    }

    /** Snapshots are taken after the command's commit, on a thread of their own, never on the command's. */
    @Bean
    SpringAggregateSnapshotterFactoryBean custosSnapshotter() {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "custos-snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }

    /** See {@link Aggregates#SNAPSHOTS}. */
    @Bean(Aggregates.SNAPSHOTS)
    SnapshotTriggerDefinition aggregateSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * Copies an operator action's metadata from each of its commands onto every event they apply: the audit log
     * is built from it (see {@link ActionMetaData}).
     */
    @Bean
    CorrelationDataProvider operatorActionCorrelation() {
        return new SimpleCorrelationDataProvider(ActionMetaData.KEYS.toArray(String[]::new));
    }

    /** Axon's default correlation and trace ids, which a provider of our own would otherwise replace. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** The event store's tables in snake_case, as migrations/V1 creates them (Axon's defaults are camelCase). */
    /** Axon's Spring configuration puts every upcaster bean in the event store's upcaster chain. */
    @Bean
    ActionMetaDataUpcaster actionMetaDataUpcaster() {
        return new ActionMetaDataUpcaster();
    }

    /** Grants stored with their passcode's hash read back without it (the hash now lives in its own table). */
    @Bean
    AuthorityGrantCreatedUpcaster authorityGrantCreatedUpcaster() {
        return new AuthorityGrantCreatedUpcaster();
    }

    /** Evidence and bundles stored before they had circles read back tenant-wide, as revision 2. */
    @Bean
    CircleOwnershipUpcaster circleOwnershipUpcaster() {
        return new CircleOwnershipUpcaster();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Handler failures propagate. Every projection is in {@code synchronous}, so a failed projection rolls its
     * command (or its access-log batch) back whole: an event and its rows commit together or not at all, and no
     * processor is left to stall behind a bad event.
     */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(
                ProcessingGroups.SYNCHRONOUS, c -> PropagatingErrorHandler.instance());
    }
}
