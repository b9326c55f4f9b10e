package dev.custos.api.evidence;

import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.blob.BlobStorage;
import dev.custos.api.blob.BlobTooLarge;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.command.evidence.CaptureEvidence;
import dev.custos.command.evidence.CheckEvidenceIntegrity;
import dev.custos.command.evidence.DestroyEvidence;
import dev.custos.command.evidence.IntegrityCheck;
import dev.custos.command.evidence.SealEvidence;
import dev.custos.events.evidence.EvidenceCaptured;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Evidence objects: upload (members), read (members), seal, verify and destroy (operators). */
@Component
class EvidenceHandler {

    private static final Logger log = LoggerFactory.getLogger(EvidenceHandler.class);

    private final Commands commands;
    private final OperatorPipeline pipeline;
    private final EvidenceReader evidence;
    private final BlobStorage blobs;
    private final EvidenceSummaries summaries;
    private final CaptureLinks links;
    private final long maxUploadBytes;

    EvidenceHandler(
            Commands commands,
            OperatorPipeline pipeline,
            EvidenceReader evidence,
            BlobStorage blobs,
            EvidenceSummaries summaries,
            CaptureLinks links,
            @Value("${custos.max-upload-bytes}") long maxUploadBytes) {
        this.commands = commands;
        this.pipeline = pipeline;
        this.evidence = evidence;
        this.blobs = blobs;
        this.summaries = summaries;
        this.links = links;
        this.maxUploadBytes = maxUploadBytes;
    }

    /**
     * Streams the body to blob storage, then records the capture. The blob is written first: if the upload fails
     * or is too large there is no object and no event; if recording fails, the blob is removed again.
     */
    Mono<ServerResponse> upload(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        UploadHeaders headers = UploadHeaders.of(request);
        if (request.headers().contentLength().orElse(0) > maxUploadBytes) {
            return Mono.error(new BlobTooLarge(maxUploadBytes));
        }
        UUID evidenceId = UUID.randomUUID();
        String key = "tenants/" + context.tenantId() + "/evidence/" + evidenceId;
        return links.circle(context, headers)
                .flatMap(circle -> store(request, context, headers, circle.orElse(null), evidenceId, key))
                .flatMap(captured -> ServerResponse.status(HttpStatus.CREATED)
                        .bodyValue(summaries.of(EvidenceView.captured(captured))));
    }

    private Mono<EvidenceCaptured> store(
            ServerRequest request,
            RequestContext context,
            UploadHeaders headers,
            UUID circleId,
            UUID evidenceId,
            String key) {
        return blobs.upload(key, request.bodyToFlux(DataBuffer.class), maxUploadBytes)
                .flatMap(stored -> commands.call(
                                new CaptureEvidence(
                                        evidenceId,
                                        context.tenantId(),
                                        circleId,
                                        headers.title(),
                                        headers.sourceType(),
                                        headers.contentMime(),
                                        stored.bytes(),
                                        stored.sha256(),
                                        headers.occurredAt(),
                                        key,
                                        headers.emergencyRunId(),
                                        headers.claimId(),
                                        headers.disputeId(),
                                        context.individualId()),
                                EvidenceCaptured.class)
                        .onErrorResume(failure -> blobs.delete(key).then(Mono.error(failure))));
    }

    Mono<ServerResponse> read(ServerRequest request) {
        RequestContext context = RequestContext.of(request);
        return summary(context, Ids.parse(request.pathVariable("id"), "id"), HttpStatus.OK);
    }

    Mono<ServerResponse> seal(ServerRequest request) {
        return pipeline.handle(
                EvidenceActions.SEAL,
                request,
                action -> action.send(new SealEvidence(
                                action.subjectId(),
                                action.tenantId(),
                                action.individualId(),
                                action.acting().reach()))
                        .then(Mono.defer(() -> summary(action.acting().context(), action.subjectId()))));
    }

    /** Reads the stored bytes back, hashes them and records the outcome; a mismatch marks the object. */
    Mono<ServerResponse> verify(ServerRequest request) {
        return pipeline.handle(
                EvidenceActions.VERIFY,
                request,
                action -> existing(action.acting().context(), action.subjectId())
                        .flatMap(view -> blobs.rehash(view.blobKey())
                                .map(stored -> stored.sha256())
                                // A blob that is gone is as altered as one that changed.
                                .onErrorResume(NoSuchKeyException.class, missing -> Mono.just("")))
                        .flatMap(computed -> action.call(
                                new CheckEvidenceIntegrity(
                                        action.subjectId(),
                                        action.tenantId(),
                                        computed.isEmpty() ? null : computed,
                                        action.individualId(),
                                        action.acting().reach()),
                                IntegrityCheck.class))
                        .map(check ->
                                new VerifyResponse(check.intact(), check.contentSha256(), check.computedSha256())));
    }

    /** Refused while a hold covers the object; the blob is removed once the destruction is committed. */
    Mono<ServerResponse> destroy(ServerRequest request) {
        return pipeline.handle(
                EvidenceActions.DESTROY,
                request,
                action -> action.call(
                                new DestroyEvidence(
                                        action.subjectId(),
                                        action.tenantId(),
                                        action.individualId(),
                                        action.acting().reach()),
                                String.class)
                        .flatMap(key -> blobs.delete(key).onErrorResume(failure -> {
                            log.error(
                                    "Evidence {} is recorded destroyed but its blob could not be removed yet",
                                    action.subjectId(),
                                    failure);
                            return Mono.empty();
                        }))
                        .then(Mono.defer(() -> summary(action.acting().context(), action.subjectId()))));
    }

    private Mono<EvidenceView> existing(RequestContext context, UUID evidenceId) {
        return evidence.evidence(context.scope(), evidenceId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such evidence")));
    }

    private Mono<ServerResponse> summary(RequestContext context, UUID evidenceId, HttpStatus status) {
        return summary(context, evidenceId)
                .flatMap(summary -> ServerResponse.status(status).bodyValue(summary));
    }

    private Mono<EvidenceSummary> summary(RequestContext context, UUID evidenceId) {
        return existing(context, evidenceId).map(summaries::of);
    }

    /** {@code POST /api/evidence/{id}/verify}. */
    record VerifyResponse(boolean ok, String contentSha256, String computedSha256) {}
}
