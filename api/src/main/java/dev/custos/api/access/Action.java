package dev.custos.api.access;

import dev.custos.api.support.CommandTransaction;
import dev.custos.api.support.Commands;
import dev.custos.events.operator.ActionMetaData;
import dev.custos.events.operator.OperatorViewed;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One operator action the gate allowed: who acts on what ({@link Acting}), the body it read, and the commands it
 * sends. Every command carries the action's metadata, which Axon copies onto each event: that is how the audit row
 * (one per {@code actionId}) and the usage event come to be, without a handler writing either.
 *
 * @param subjectId the object acted on; for an action that creates one, the id the new object must take
 */
public record Action<B>(ActionSpec<B> spec, Acting acting, B body, UUID actionId, UUID subjectId, Commands commands) {

    /** Sends a command of this action; completes once it is committed. */
    public Mono<Void> send(Object command) {
        return commands.send(command, metaData());
    }

    /** Sends a command of this action and answers with what its handler returned, once committed. */
    public <R> Mono<R> call(Object command, Class<R> resultType) {
        return commands.call(command, metaData(), resultType);
    }

    /**
     * Records that the operator viewed the action's subject, for an action that sends no command: the view is an
     * event of no aggregate, with the action's metadata, so it is on record and in the audit log like any other.
     */
    public Mono<Void> recordView(Instant at) {
        return record(new OperatorViewed(
                acting.tenantId(), acting.circleId(), spec.subjectType(), subjectId, acting.individualId(), at));
    }

    /**
     * Records an event of no aggregate as this action's, for an action whose outcome no aggregate decides (an
     * export): with the action's metadata, it is audited, and billed when the action is, like any other.
     */
    public Mono<Void> record(Object event) {
        return commands.record(event, metaData());
    }

    /**
     * Runs several steps of this action as one unit of work: every command {@code steps} sends (each carrying the
     * action's metadata), every read it makes over JDBC, their projections and the action's audit row share one
     * transaction, on a command worker, and commit together or not at all. Answers what {@code steps} answered,
     * once committed. The steps may run again from the start after a lost concurrency race.
     */
    public <R> Mono<R> atomically(Function<CommandTransaction, R> steps) {
        return commands.inTransaction(metaData(), steps);
    }

    public UUID tenantId() {
        return acting.tenantId();
    }

    public UUID individualId() {
        return acting.individualId();
    }

    Map<String, String> metaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(ActionMetaData.ACTION_ID, actionId.toString());
        metaData.put(ActionMetaData.TENANT_ID, acting.tenantId().toString());
        metaData.put(ActionMetaData.OPERATOR_ID, acting.individualId().toString());
        if (acting.circleId() != null) {
            metaData.put(ActionMetaData.CIRCLE_ID, acting.circleId().toString());
        }
        if (spec.auditKey() != null) {
            metaData.put(ActionMetaData.ACTION_KEY, spec.auditKey());
            metaData.put(ActionMetaData.SUBJECT_TYPE, spec.subjectType());
            metaData.put(ActionMetaData.SUBJECT_ID, subjectId.toString());
        }
        if (spec.billable()) {
            metaData.put(ActionMetaData.BILLABLE, "true");
        }
        return metaData;
    }
}
