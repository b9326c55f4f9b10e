package dev.custos.command.legal;

import dev.custos.events.custody.CustodyType;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A hold registry whose answers a test sets. The real one (PostgreSQL, with a transaction-scoped lock) is
 * exercised by the HTTP integration tests; here only the aggregates' rules are under test.
 */
public class StubHoldRegistry implements HoldRegistry {

    public final Set<UUID> held = new HashSet<>();
    public final Set<UUID> sharingRestricted = new HashSet<>();
    public final Set<UUID> destroyed = new HashSet<>();
    public final Set<UUID> present = new HashSet<>();
    public int serialized;

    @Override
    public void serialize(UUID tenantId) {
        serialized++;
    }

    @Override
    public boolean covers(UUID tenantId, UUID evidenceId) {
        return held.contains(evidenceId);
    }

    @Override
    public boolean restrictsSharing(UUID tenantId, String objectType, UUID objectId) {
        return sharingRestricted.contains(objectId);
    }

    @Override
    public TargetState targetState(UUID tenantId, CustodyType targetType, UUID targetId) {
        if (destroyed.contains(targetId)) {
            return TargetState.DESTROYED;
        }
        return present.contains(targetId) ? TargetState.PRESENT : TargetState.ABSENT;
    }
}
