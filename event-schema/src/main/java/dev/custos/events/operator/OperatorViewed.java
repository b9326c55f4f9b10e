package dev.custos.events.operator;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An operator looked at something an operator action shows (a run's dashboard, say) and changed nothing. It
 * belongs to no aggregate: it exists so that a view is in the event store, and so in the audit log, like every
 * other operator action.
 */
@Revision("1")
public record OperatorViewed(
        UUID tenantId,
        UUID circleId,
        String subjectType,
        UUID subjectId,
        UUID operatorIndividualId,
        Instant viewedAt) {}
