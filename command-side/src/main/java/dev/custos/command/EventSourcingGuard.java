package dev.custos.command;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure of an {@code @EventSourcingHandler} while an aggregate is loaded from its stored events (a payload
 * that does not deserialize, a field the handler needs that is missing) into {@link UnreadableEvent}, which names
 * the aggregate and the sequence. Found through {@code META-INF/services}, so the service and the aggregate test
 * fixtures both apply it.
 *
 * <p>Only replay is guarded: an event the aggregate has just applied itself failing its own handler is a bug in
 * the command handler, and stays the exception it is. Each unreadable event is logged once per process, however
 * often a command meets it.
 */
public class EventSourcingGuard implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(EventSourcingGuard.class);

    /** The events already logged, by aggregate id and sequence; small, since every entry is a broken stream. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Map<String, Object> attributes =
                original.annotationAttributes(EventSourcingHandler.class).orElse(null);
        return attributes == null ? original : new Guarded<>(original);
    }

    private static final class Guarded<T> extends WrappedMessageHandlingMember<T> {

        Guarded(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            try {
                return super.handle(message, target);
            } catch (Exception failure) {
                if (!(message instanceof DomainEventMessage<?> stored) || AggregateLifecycle.isLive()) {
                    throw failure;
                }
                UnreadableEvent unreadable = new UnreadableEvent(
                        stored.getType(),
                        stored.getAggregateIdentifier(),
                        stored.getSequenceNumber(),
                        payloadTypeOf(stored),
                        failure);
                if (LOGGED.add(stored.getAggregateIdentifier() + "/" + stored.getSequenceNumber())) {
                    log.error(unreadable.getMessage(), failure);
                }
                throw unreadable;
            }
        }

        /** The event's class, or its stored name when that class does not resolve. */
        private static String payloadTypeOf(DomainEventMessage<?> stored) {
            try {
                return stored.getPayloadType().getSimpleName();
            } catch (RuntimeException unresolved) {
                return "(an event type this version does not know)";
            }
        }
    }
}
