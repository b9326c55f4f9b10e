package dev.custos.api.evidence;

import org.springframework.stereotype.Component;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.query.emergency.EmergencyRunReader;
import reactor.core.publisher.Mono;

/**
 * Checks, before any byte is stored, that the objects an upload names (its run, say) are the tenant's and visible
 * to the uploader: a capture never points at another tenant's object, or at one that does not exist.
 */
@Component
class CaptureLinks {

    private final EmergencyRunReader runs;

    CaptureLinks(EmergencyRunReader runs) {
        this.runs = runs;
    }

    Mono<Void> check(RequestContext context, UploadHeaders headers) {
        if (headers.emergencyRunId() == null) {
            return Mono.empty();
        }
        return runs.run(context.scope(), headers.emergencyRunId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such emergency run")))
                .then();
    }
}
