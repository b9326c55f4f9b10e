package dev.custos.api.evidence;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.Refusal;
import dev.custos.query.dispute.DisputeReader;
import dev.custos.query.dispute.DisputeView;
import dev.custos.query.emergency.EmergencyRunReader;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.insurance.ClaimReader;
import dev.custos.query.insurance.ClaimView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks, before any byte is stored, that the objects an upload names (its run, say) are the tenant's and visible
 * to the uploader, and decides the circle the upload belongs to: a capture never points at another tenant's object,
 * or at one that does not exist, and never lands outside the circle of what it was captured for.
 */
@Component
class CaptureLinks {

    private final EmergencyRunReader runs;
    private final ClaimReader claims;
    private final DisputeReader disputes;

    CaptureLinks(EmergencyRunReader runs, ClaimReader claims, DisputeReader disputes) {
        this.runs = runs;
        this.claims = claims;
        this.disputes = disputes;
    }

    /**
     * The circle of the upload ({@code empty}: the whole tenant). Captured for a run, claim or dispute, it is that
     * object's circle, whatever {@code x-circle-id} says: what is captured for a container is packed, held and
     * shared with it, so it must be visible exactly where the container is. Otherwise it is the request's circle.
     */
    Mono<Optional<UUID>> circle(RequestContext context, UploadHeaders headers) {
        return Flux.concat(
                        linked(
                                headers.emergencyRunId(),
                                id -> runs.run(context.scope(), id),
                                EmergencyRunView::circleId,
                                "emergency run"),
                        linked(
                                headers.claimId(),
                                id -> claims.claim(context.scope(), id),
                                ClaimView::circleId,
                                "claim"),
                        linked(
                                headers.disputeId(),
                                id -> disputes.dispute(context.scope(), id),
                                DisputeView::circleId,
                                "dispute"))
                .collectList()
                .map(containers -> placed(context, containers));
    }

    private static Optional<UUID> placed(RequestContext context, List<Optional<UUID>> containers) {
        if (containers.isEmpty()) {
            return Optional.ofNullable(context.circleId());
        }
        if (containers.stream().distinct().count() > 1) {
            throw ProblemException.refused(
                    Refusal.CIRCLES_DIFFER, "the run, claim and dispute of an upload must belong to one circle");
        }
        return containers.get(0);
    }

    /** Nothing when the upload names no such object; otherwise its circle, read as the uploader sees it, or 404. */
    private static <T> Mono<Optional<UUID>> linked(
            UUID id, Function<UUID, Mono<T>> read, Function<T, UUID> circleOf, String noun) {
        return id == null
                ? Mono.empty()
                : Mono.defer(() -> read.apply(id))
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such " + noun)))
                        .map(found -> Optional.ofNullable(circleOf.apply(found)));
    }
}
