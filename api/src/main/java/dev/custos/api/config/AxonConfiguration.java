package dev.custos.api.config;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.custos.query.ProcessingGroups;

/**
 * Axon beyond what Boot's auto-configuration does (JDBC event store, jackson3 serializers: see application.yml).
 *
 * <p>Both processing groups propagate handler failures instead of logging and skipping them. In the
 * {@code synchronous} group, which runs in the command's transaction, a failed projection rolls the command
 * back, so the event store and the authorization tables never disagree. In {@code operator-audit} the streaming
 * processor retries the batch, so no audit row is silently lost.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Millisecond ticks: event times survive the round trip through timestamptz unchanged. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The event store's tables in snake_case, as migrations/V1 creates them (Axon's defaults are camelCase). */
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

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(ProcessingGroups.SYNCHRONOUS, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ProcessingGroups.OPERATOR_AUDIT, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(ProcessingGroups.AUTHORITY_ACCESS,
                c -> PropagatingErrorHandler.instance());
    }
}
