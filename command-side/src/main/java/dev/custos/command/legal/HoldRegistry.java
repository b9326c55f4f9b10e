package dev.custos.command.legal;

import java.util.UUID;

/**
 * What the legal holds of a tenant cover, as committed. Destruction and hold changes call {@link #serialize}
 * first, inside their own transaction, so that a hold and a destruction of the same tenant never interleave:
 * whichever commits first is seen by the other.
 */
public interface HoldRegistry {

    enum TargetState { ABSENT, DESTROYED, PRESENT }

    /** Orders this transaction after every other hold change or destruction in the tenant, until it ends. */
    void serialize(UUID tenantId);

    /** Whether any active hold covers the evidence object, directly or through anything that contains it. */
    boolean covers(UUID tenantId, UUID evidenceId);

    /** Whether a hold target of this type and id exists in the tenant (and has not been destroyed). */
    TargetState targetState(UUID tenantId, String targetType, UUID targetId);
}
