package dev.custos.api.evidence;

import org.springframework.stereotype.Component;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
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

    CaptureLinks(EmergencyRunReader runs, ClaimReader claims) {
        this.runs = runs;
        this.claims = claims;
    }

    Mono<Void> check(RequestContext context, UploadHeaders headers) {
        Mono<?> run = headers.emergencyRunId() == null ? Mono.just(true) : runs.run(context.scope(),
                        headers.emergencyRunId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such emergency run")));
        Mono<?> claim = headers.claimId() == null ? Mono.just(true) : claims.claim(context.scope(), headers.claimId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such claim")));
        return run.then(claim).then();
    }
}
