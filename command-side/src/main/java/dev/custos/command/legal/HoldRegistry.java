package dev.custos.command.legal;

import static dev.custos.command.Rules.require;

import dev.custos.command.Refusal;
import dev.custos.events.custody.CustodyType;
import java.util.UUID;

/**
 * What the legal holds of a tenant cover, as committed. Destruction, new scopes of a grant and hold changes call
 * {@link #serialize} first, inside their own transaction, so that a hold and a destruction (or a share) of the same
 * tenant never interleave: whichever commits first is seen by the other.
 */
public interface HoldRegistry {

    enum TargetState {
        ABSENT,
        DESTROYED,
        PRESENT
    }

    /** Orders this transaction after every other hold change or destruction in the tenant, until it ends. */
    void serialize(UUID tenantId);

    /** Whether any active hold covers the evidence object, directly or through anything that contains it. */
    boolean covers(UUID tenantId, UUID evidenceId);

    /**
     * Whether any active {@code restrict_sharing} hold covers the object, directly or through anything that contains
     * it: the portal refuses every read of such an object.
     */
    boolean restrictsSharing(UUID tenantId, String objectType, UUID objectId);

    /** Refuses to share what the portal would refuse to show: an object an active restrict_sharing hold covers. */
    default void requireShareable(UUID tenantId, String objectType, UUID objectId) {
        require(
                !restrictsSharing(tenantId, objectType, objectId),
                Refusal.HOLD_COVERS_TARGET,
                "an active restrict_sharing legal hold covers this " + objectType);
    }

    /** Whether a hold target of this type and id exists in the tenant (and has not been destroyed). */
    TargetState targetState(UUID tenantId, CustodyType targetType, UUID targetId);
}
