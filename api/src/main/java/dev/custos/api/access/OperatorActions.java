package dev.custos.api.access;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.query.access.Located;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.access.ObjectLocator;
import dev.custos.query.access.Standing;
import dev.custos.query.access.StandingReader;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The one gate every operator command passes before it is sent. It answers, in the contract's order: the caller is
 * not a member of the tenant or of the request's circle (403), the object is invisible (404), the role does not
 * count here (403), the role does not reach the object (403). Only then is there an {@link Acting}, and with it the
 * {@link Reach} its command needs: there is no way to build an operator command without going through here, and
 * the aggregate checks the reach once more.
 */
@Service
public class OperatorActions {

    private final StandingReader standings;
    private final ObjectLocator locator;

    public OperatorActions(StandingReader standings, ObjectLocator locator) {
        this.standings = standings;
        this.locator = locator;
    }

    /** The operator's reach for the role in this (checked) request; 403 when the role does not count here. */
    public Mono<Reach> reach(RequestContext context, RequiredRole role) {
        return reach(context, role.key()).map(reach -> reach.orElseThrow(() -> noRole(role)));
    }

    /** Whether the role counts in this (checked) request. */
    public Mono<Boolean> counts(RequestContext context, RequiredRole role) {
        return reach(context, role.key()).map(Optional::isPresent);
    }

    private Mono<Optional<Reach>> reach(RequestContext context, String roleKey) {
        return standings
                .standing(context.scope(), roleKey, context.circleId(), null, null)
                .map(standing -> reach(context, standing));
    }

    /**
     * Decides an action from the caller's standing, before its body is read. For {@link Target.Mode#CREATE} the
     * circle is decided once the body is read, by {@link #inCircle}.
     */
    Acting decide(ActionSpec<?> spec, RequestContext context, Standing standing, UUID objectId) {
        if (!standing.tenantMember()) {
            throw ProblemException.refused(Refusal.NOT_TENANT_MEMBER, "not a member of this tenant");
        }
        if (!standing.requestCircleMember()) {
            throw ProblemException.refused(Refusal.NOT_CIRCLE_MEMBER, "not a member of this circle");
        }
        Target target = spec.target();
        if (target.locates() && standing.target() == null) {
            throw ProblemException.notFound("no such " + target.kind().noun());
        }
        Reach reach = reach(context, standing).orElseThrow(() -> noRole(spec.role()));
        return switch (target.mode()) {
            case ANYWHERE, CREATE -> new Acting(context, reach, null, null);
            case TENANT -> {
                if (!reach.reaches(null)) {
                    throw outOfReach("the whole tenant");
                }
                yield new Acting(context, reach, null, null);
            }
            case CIRCLE -> {
                if (!reach.reaches(objectId)) {
                    throw outOfReach("this circle");
                }
                yield new Acting(context, reach, objectId, objectId);
            }
            case OBJECT -> {
                Located located = standing.target();
                yield switch (reach.decide(located.circleId())) {
                    case ALLOWED -> new Acting(context, reach, located.circleId(), located.id());
                    case INVISIBLE ->
                        throw ProblemException.notFound(
                                "no such " + target.kind().noun());
                    case OUT_OF_REACH ->
                        throw outOfReach("this " + target.kind().noun());
                };
            }
        };
    }

    /**
     * Creating an object: it belongs to the circle the body names, else to the request's circle, else to the
     * whole tenant. The caller must be a member of that circle, and the role must reach it.
     */
    Acting inCircle(RequestContext context, Reach reach, UUID requestedCircleId) {
        UUID circleId = requestedCircleId != null ? requestedCircleId : context.circleId();
        return switch (reach.decide(circleId)) {
            case ALLOWED -> new Acting(context, reach, circleId, null);
            case INVISIBLE -> throw ProblemException.refused(Refusal.NOT_CIRCLE_MEMBER, "not a member of circle_id");
            case OUT_OF_REACH -> throw outOfReach(circleId == null ? "the whole tenant" : "this circle");
        };
    }

    /**
     * An object to be added to a container the caller may act on (a grant's scope, a hold's target): it must be
     * visible, and of the container's circle or tenant-wide, so that a circle's container never exposes another
     * circle's objects. Answers the object's circle.
     */
    public Mono<Located> addable(Acting container, ObjectKind kind, UUID id) {
        // Row-level security hides what the caller cannot see; what is left must also fit the container.
        return locator.locate(container.scope(), kind, id)
                .filter(located -> Reach.fitsIn(container.circleId(), located.circleId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such " + kind.noun())));
    }

    /** The reach, or empty when the role does not count here (no tenant-wide role, none in the request's circle). */
    private static Optional<Reach> reach(RequestContext context, Standing standing) {
        if (standing.roleTenantWide()) {
            return Optional.of(Reach.tenantWide(standing.circles()));
        }
        return standing.roleInRequestCircle()
                ? Optional.of(Reach.circle(context.circleId(), standing.circles()))
                : Optional.empty();
    }

    private static ProblemException noRole(RequiredRole role) {
        return ProblemException.refused(Refusal.ROLE_REQUIRED, "This action requires " + role.describe());
    }

    private static ProblemException outOfReach(String what) {
        return ProblemException.refused(Refusal.OUT_OF_REACH, "The operator's role does not reach " + what);
    }
}
