package dev.custos.api.access;

import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Reach;
import dev.custos.query.tenancy.TenantScope;
import java.util.UUID;

/**
 * Permission to act, as {@link OperatorActions} granted it: the request, the operator's reach (which every
 * command carries, for its aggregate to check again), the circle of the object acted on or created, and the
 * object's id ({@code null} when the action creates it).
 */
public record Acting(RequestContext context, Reach reach, UUID circleId, UUID objectId) {

    public UUID tenantId() {
        return context.tenantId();
    }

    public UUID individualId() {
        return context.individualId();
    }

    public TenantScope scope() {
        return context.scope();
    }

    /**
     * The reach over what the object acted on holds (a run's captures, and the pack made of them), which is of the
     * container's circle or tenant-wide: the gate already decided this action on the container, and that decision
     * covers sealing and packing the container's own material, also for an operator whose role is of its circle
     * only. Sealing and bundling destroy nothing; the visible circles stay the caller's.
     */
    public Reach overContents() {
        return Reach.tenantWide(reach.visibleCircles());
    }
}
