package dev.custos.api.support;

import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Appends events that belong to no aggregate (portal accesses, operator views) in one unit of work and one JDBC
 * transaction: the event store stores them and the synchronous projections write their rows, all or nothing.
 * The caller's thread does the work; it must not be a Netty thread.
 */
@Component
public class AggregatelessEvents {

    private final EventBus events;
    private final TransactionManager transactions;

    public AggregatelessEvents(EventBus events, TransactionManager transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    public void append(List<? extends EventMessage<?>> messages) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            events.publish(messages);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}
