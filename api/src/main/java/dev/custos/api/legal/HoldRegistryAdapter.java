package dev.custos.api.legal;

import dev.custos.command.legal.HoldRegistry;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.legal.HoldCoverage;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Gives the write model the read model's view of holds, inside the command's own transaction. */
@Component
class HoldRegistryAdapter implements HoldRegistry {

    private final HoldCoverage coverage;

    HoldRegistryAdapter(HoldCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public void serialize(UUID tenantId) {
        coverage.lockTenant(tenantId);
    }

    @Override
    public boolean covers(UUID tenantId, UUID evidenceId) {
        return coverage.covers(tenantId, evidenceId);
    }

    @Override
    public boolean restrictsSharing(UUID tenantId, String objectType, UUID objectId) {
        return coverage.restrictsSharing(tenantId, objectType, objectId);
    }

    @Override
    public TargetState targetState(UUID tenantId, CustodyType targetType, UUID targetId) {
        return switch (coverage.targetState(tenantId, targetType, targetId)) {
            case "present" -> TargetState.PRESENT;
            case "destroyed" -> TargetState.DESTROYED;
            default -> TargetState.ABSENT;
        };
    }
}
