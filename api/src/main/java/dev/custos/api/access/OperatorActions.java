package dev.custos.api.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Reach;
import dev.custos.query.access.Located;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.access.ObjectLocator;
import dev.custos.query.operator.OperatorRoleReader;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * The one gate every operator command passes before it is sent. It answers, in the contract's order: the object
 * is invisible (404), the role does not count here (403), the role does not reach the object (403). Only then does
 * a handler get an {@link Acting}, and with it the {@link Reach} its command needs: there is no way to build an
 * operator command without going through here, and the aggregate checks the reach once more.
 */
@Service
public class OperatorActions {

    private final OperatorRoleReader roles;
    private final ObjectLocator locator;

    public OperatorActions(OperatorRoleReader roles, ObjectLocator locator) {
        this.roles = roles;
        this.locator = locator;
    }

    /** The operator's reach for the role in this request; 403 when the role does not count here. */
    public Mono<Reach> reach(RequestContext context, RequiredRole role) {
        return standing(context, role).map(reach -> reach.orElseThrow(() -> noRole(role)));
    }

    /** Whether the role counts in this request (a tenant-wide assignment, or one in the request's circle). */
    public Mono<Boolean> counts(RequestContext context, RequiredRole role) {
        return standing(context, role).map(Optional::isPresent);
    }

    /** The reach, or empty when the role does not count here (no tenant-wide role, none in the request's circle). */
    private Mono<Optional<Reach>> standing(RequestContext context, RequiredRole role) {
        return roles.standing(context.scope(), role.key(), context.circleId()).map(standing -> {
            if (standing.tenantWide()) {
                return Optional.of(Reach.tenantWide(standing.circles()));
            }
            return standing.inRequestCircle()
                    ? Optional.of(Reach.circle(context.circleId(), standing.circles()))
                    : Optional.empty();
        });
    }

    /** Acting on an existing object: it must be visible (404 otherwise) and within the role's reach (403). */
    public Mono<Acting> onObject(RequestContext context, RequiredRole role, ObjectKind kind, UUID id) {
        return locatedWithReach(context, role, kind, id).map(found -> {
            Located located = found.getT1();
            return switch (found.getT2().decide(located.circleId())) {
                case ALLOWED -> new Acting(context, found.getT2(), located.circleId(), located.id());
                case INVISIBLE -> throw ProblemException.notFound("no such " + kind.noun());
                case OUT_OF_REACH -> throw outOfReach("this " + kind.noun());
            };
        });
    }

    /**
     * Creating an object: it belongs to the circle the body names, else to the request's circle, else to the
     * whole tenant. The caller must be a member of that circle, and the role must reach it.
     */
    public Mono<Acting> inCircle(RequestContext context, RequiredRole role, UUID requestedCircleId) {
        return reach(context, role).map(reach -> inCircle(context, reach, requestedCircleId));
    }

    /** {@link #inCircle(RequestContext, RequiredRole, UUID)} for a reach already resolved (before the body was read). */
    public Acting inCircle(RequestContext context, Reach reach, UUID requestedCircleId) {
        UUID circleId = requestedCircleId != null ? requestedCircleId : context.circleId();
        return switch (reach.decide(circleId)) {
            case ALLOWED -> new Acting(context, reach, circleId, null);
            case INVISIBLE -> throw ProblemException.forbidden("not a member of circle_id");
            case OUT_OF_REACH -> throw outOfReach(circleId == null ? "the whole tenant" : "this circle");
        };
    }

    /** Acting on the tenant itself (its members and circles, tenant-wide bundles): a tenant-wide role only. */
    public Mono<Acting> onTenant(RequestContext context, RequiredRole role) {
        return reach(context, role).map(reach -> {
            if (!reach.reaches(null)) {
                throw outOfReach("the whole tenant");
            }
            return new Acting(context, reach, null, null);
        });
    }

    /** Acting on a circle itself: every member sees the directory, so only reach counts. */
    public Mono<Acting> onCircle(RequestContext context, RequiredRole role, UUID circleId) {
        return locatedWithReach(context, role, ObjectKind.CIRCLE, circleId).map(found -> {
            if (!found.getT2().reaches(circleId)) {
                throw outOfReach("this circle");
            }
            return new Acting(context, found.getT2(), circleId, circleId);
        });
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

    /**
     * The object (404 when it is not there or not visible) and the caller's reach (403 when no role counts), read at
     * once; visibility is decided first, so an invisible object is 404 whatever the caller's role.
     */
    private Mono<Tuple2<Located, Reach>> locatedWithReach(RequestContext context, RequiredRole role,
                                                          ObjectKind kind, UUID id) {
        return Mono.zip(locator.locate(context.scope(), kind, id).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        standing(context, role))
                .map(both -> Tuples.of(
                        both.getT1().orElseThrow(() -> ProblemException.notFound("no such " + kind.noun())),
                        both.getT2().orElseThrow(() -> noRole(role))));
    }

    private static ProblemException noRole(RequiredRole role) {
        return ProblemException.forbidden("This action requires " + role.describe());
    }

    private static ProblemException outOfReach(String what) {
        return ProblemException.forbidden("The operator's role does not reach " + what);
    }
}
