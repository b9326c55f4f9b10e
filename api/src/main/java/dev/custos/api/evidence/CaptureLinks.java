package dev.custos.api.evidence;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.query.dispute.DisputeReader;
import dev.custos.query.emergency.EmergencyRunReader;
import dev.custos.query.insurance.ClaimReader;
import reactor.core.publisher.Mono;

/**
 * Checks, before any byte is stored, that the objects an upload names (its run, say) are the tenant's and visible
 * to the uploader: a capture never points at another tenant's object, or at one that does not exist.
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

    Mono<Void> check(RequestContext context, UploadHeaders headers) {
        return linked(headers.emergencyRunId(), id -> runs.run(context.scope(), id), "emergency run")
                .then(linked(headers.claimId(), id -> claims.claim(context.scope(), id), "claim"))
                .then(linked(headers.disputeId(), id -> disputes.dispute(context.scope(), id), "dispute"));
    }

    /** Nothing when the upload names no such object; otherwise the object, read as the uploader sees it, or 404. */
    private static Mono<Void> linked(UUID id, Function<UUID, Mono<?>> read, String noun) {
        return id == null ? Mono.empty() : Mono.defer(() -> read.apply(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such " + noun)))
                .then();
    }
}
