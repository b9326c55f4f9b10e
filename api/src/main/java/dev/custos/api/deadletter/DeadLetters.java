package dev.custos.api.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import dev.custos.query.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dead-letter queues of every streaming group. All of it is JDBC, so callers run it off the event loop. The
 * count each group last showed is kept for the {@code custos.dead_letters} gauge and the health indicator, which
 * must not query on a scrape.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    DeadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
        this.processing = processing;
        for (String group : ProcessingGroups.STREAMING) {
            AtomicLong count = counts.computeIfAbsent(group, ignored -> new AtomicLong());
            Gauge.builder("custos.dead_letters", count, AtomicLong::get)
                    .description("Events parked in a streaming processor's dead-letter queue")
                    .tag("processing_group", group).register(meters);
        }
    }

    /** Counts again, and answers the total. */
    public long refresh() {
        long total = 0;
        for (String group : ProcessingGroups.STREAMING) {
            long size = queue(group).size();
            counts.get(group).set(size);
            total += size;
        }
        return total;
    }

    /** The last counted total. */
    public long lastCount() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : ProcessingGroups.STREAMING) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(view(group, letter));
                }
            }
        }
        refresh();
        return letters;
    }

    /** Retries every parked sequence, oldest first, until none is left that succeeds; answers how many did. */
    public int retryAll() {
        int retried = 0;
        for (String group : ProcessingGroups.STREAMING) {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                    .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + group));
            long sequences = queue(group).amountOfSequences();
            for (long attempt = 0; attempt < sequences && processor.processAny(); attempt++) {
                retried++;
            }
        }
        refresh();
        return retried;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + group));
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        return new DeadLetterView(group, sequenceOf(letter), letter.message().getIdentifier(),
                letter.message().getPayloadType().getName(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter<?> jdbc
                ? String.valueOf(jdbc.getSequenceIdentifier()) : null;
    }
}
