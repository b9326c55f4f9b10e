package dev.custos.api.config;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.custos.query.ProcessingGroups;

/**
 * Axon beyond what Boot's auto-configuration does (JDBC event store, jackson3 serializers: see application.yml).
 *
 * <p>No processing group logs and skips a failure. In the {@code synchronous} group, which runs in the command's
 * transaction, a failed projection rolls the command back, so the event store and the authorization tables never
 * disagree. In the streaming groups a failed event is dead-lettered, so no audit or access row is silently lost
 * and none waits behind it.
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

    /** Axon's dead-letter columns in snake_case, as migrations/V9 creates them. */
    static final DeadLetterSchema DEAD_LETTER_SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /**
     * Handler failures propagate. In {@code synchronous} that rolls the command back. In the streaming groups the
     * failed event goes to the group's dead-letter queue, with every later event of its sequence (its aggregate),
     * so one bad event never stalls the audit log or the access log; {@code /api/admin/dead-letters} lists and
     * retries them.
     */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ObjectProvider<ConnectionProvider> connections,
                             ObjectProvider<TransactionManager> transactions) {
        processing.registerListenerInvocationErrorHandler(ProcessingGroups.SYNCHRONOUS,
                c -> PropagatingErrorHandler.instance());
        for (String group : ProcessingGroups.STREAMING) {
            processing.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            processing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .connectionProvider(connections.getObject())
                    .transactionManager(transactions.getObject())
                    .schema(DEAD_LETTER_SCHEMA)
                    .genericSerializer(c.serializer())
                    .eventSerializer(c.eventSerializer())
                    .build());
        }
    }
}
