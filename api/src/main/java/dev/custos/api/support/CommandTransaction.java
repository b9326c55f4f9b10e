package dev.custos.api.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The commands of one unit of work, sent one after another inside its single JDBC transaction. Each command's
 * events are appended and projected in that transaction as soon as it is handled, so a later step (and its
 * command handler's reads) sees what an earlier one did; nothing of any step is committed until the last one has
 * run, and a failed step takes every earlier one back with it.
 *
 * <p>Only the thread that runs the unit may use it: the transaction is bound to that thread.
 */
public final class CommandTransaction {

    private final CommandGateway gateway;
    private final AggregatelessEvents aggregateless;
    private final Map<String, ?> metaData;
    private final MeterRegistry meters;
    private int handled;

    CommandTransaction(
            CommandGateway gateway, AggregatelessEvents aggregateless, Map<String, ?> metaData, MeterRegistry meters) {
        this.gateway = gateway;
        this.aggregateless = aggregateless;
        this.metaData = metaData;
        this.meters = meters;
    }

    /** Handles a command whose answer is not needed. */
    public void send(Object command) {
        call(command, Object.class);
    }

    /** Handles a command and answers what its handler returned; its events are part of this transaction. */
    public <R> R call(Object command, Class<R> resultType) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "refused";
        try {
            Object result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            outcome = "handled";
            handled++;
            return resultType.cast(result);
        } finally {
            sample.stop(meters.timer(
                    "custos.commands", "command", command.getClass().getSimpleName(), "outcome", outcome));
        }
    }

    /** Appends an event of no aggregate (an action that changes nothing, an export) as part of this transaction. */
    public void record(Object event) {
        aggregateless.append(List.of(GenericEventMessage.asEventMessage(event).andMetaData(metaData)));
        handled++;
    }

    /** Whether any step has changed an aggregate's state, which a rollback must now take back from memory too. */
    boolean changedAnything() {
        return handled > 0;
    }
}
