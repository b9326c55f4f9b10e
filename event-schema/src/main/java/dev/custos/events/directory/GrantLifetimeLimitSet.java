package dev.custos.events.directory;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.serialization.Revision;

import dev.custos.events.operator.OperatorAction;

/** A platform operator set how long, at most, the tenant's authority grants and tokens may live. */
@Revision("1")
public record GrantLifetimeLimitSet(
        UUID tenantId,
        int maxLifetimeDays,
        UUID setByIndividualId,
        Instant setAt) implements OperatorAction {

    @Override
    public UUID circleId() {
        return null;
    }

    @Override
    public UUID operatorIndividualId() {
        return setByIndividualId;
    }

    @Override
    public String actionKey() {
        return "tenant_grant_lifetime_set";
    }

    @Override
    public String subjectType() {
        return "tenant";
    }

    @Override
    public UUID subjectId() {
        return tenantId;
    }

    @Override
    public Instant occurredAt() {
        return setAt;
    }
}
