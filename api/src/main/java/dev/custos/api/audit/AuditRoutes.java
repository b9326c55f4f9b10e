package dev.custos.api.audit;

import static dev.custos.api.support.ApiDocs.alsoAnswering;
import static dev.custos.api.support.ApiDocs.answering;
import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withQuery;
import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.Answer;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.audit.witness.WitnessedCheckpoints;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Paging;
import dev.custos.command.Refusal;
import dev.custos.query.audit.AuditReader;
import dev.custos.query.audit.ChainFollower;
import dev.custos.query.audit.Checkpoint;
import java.time.Clock;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The auditors' routes, for the tenant's tenant-wide platform operators: the chained events as NDJSON, the signed
 * checkpoints with the public keys, and a checkpoint signed on demand. Streaming and signing are audited: an
 * auditor's reads are themselves events of the chain they read.
 */
@Configuration(proxyBeanMethods = false)
class AuditRoutes implements ActionCatalogue {

    static final String TENANT = "tenant";
    static final ActionSpec<NoBody> STREAM = ActionSpec.get("/api/audit/stream", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant()
            .audited("audit_stream", TENANT);
    static final ActionSpec<NoBody> CHECKPOINTS = ActionSpec.get(
                    "/api/audit/checkpoints", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant();
    static final ActionSpec<NoBody> SIGN = ActionSpec.post("/api/audit/checkpoints", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant()
            .answers(HttpStatus.CREATED)
            .audited("audit_checkpoint", TENANT);

    /** A stream's default and largest length; an auditor pages on with {@code after_seq}. */
    static final long DEFAULT_STREAM_LIMIT = 100_000;

    static final long MAX_STREAM_LIMIT = 10_000_000;

    @Override
    public List<ActionSpec<?>> actions() {
        return List.of(STREAM, CHECKPOINTS, SIGN);
    }

    @Bean
    RouterFunction<ServerResponse> auditRouter(
            OperatorPipeline pipeline,
            AuditReader reader,
            ChainFollower follower,
            WitnessedCheckpoints checkpoints,
            AuditSigningKey key,
            Clock clock) {
        return SpringdocRouteBuilder.route()
                .GET(
                        STREAM.path(),
                        request -> pipeline.handle(STREAM, request, action -> {
                            long after = Paging.number(request, "after_seq", 0, Long.MAX_VALUE)
                                    .orElse(0L);
                            long limit = Paging.number(request, "limit", 1, MAX_STREAM_LIMIT)
                                    .orElse(DEFAULT_STREAM_LIMIT);
                            return action.recordView(clock.instant())
                                    .then(ServerResponse.ok()
                                            .contentType(MediaType.APPLICATION_NDJSON)
                                            .body(BodyInserters.fromDataBuffers(AuditLines.encode(reader.stream(
                                                    action.acting().scope(), after, limit)))));
                        }),
                        withQuery(
                                tenantScoped(answering(
                                        "audit",
                                        "auditStream",
                                        "The tenant's events in chain order "
                                                + "as NDJSON, each with seq, prev_hash and hash (platform_operator)",
                                        null,
                                        200,
                                        List.of("application/x-ndjson"),
                                        AuditLines.Line.class)),
                                "after_seq",
                                "limit"))
                .GET(
                        CHECKPOINTS.path(),
                        request -> pipeline.handle(CHECKPOINTS, request, action -> {
                            Paging paging = Paging.of(request);
                            return Mono.zip(
                                            reader.checkpoints(action.acting().scope(), paging.limit(), paging.offset())
                                                    .collectList(),
                                            reader.signingKeys(action.acting().scope())
                                                    .collectList())
                                    .map(found -> new CheckpointsResponse(
                                            action.tenantId(),
                                            "Ed25519",
                                            key.keyId(),
                                            key.publicKeyPem(),
                                            found.getT2().stream()
                                                    .map(k -> new PublicKey(k.keyId(), k.publicKeyPem()))
                                                    .toList(),
                                            found.getT1(),
                                            key.noteVerifierKey()));
                        }),
                        withQuery(
                                tenantScoped(operation(
                                        "audit",
                                        "auditCheckpoints",
                                        "Signed chain heads, newest "
                                                + "first, and the public keys that verify them (platform_operator)",
                                        null,
                                        200,
                                        CheckpointsResponse.class)),
                                "limit",
                                "offset"))
                .POST(
                        SIGN.path(),
                        request -> pipeline.handle(
                                SIGN,
                                request,
                                action -> action.recordView(clock.instant())
                                        // Chains what is final (this request's own audit event too), signs the head and
                                        // has the witnesses cosign it: JDBC and HTTP, so off the event loop.
                                        .then(Mono.fromCallable(() -> {
                                                    follower.catchUpNow();
                                                    return checkpoints.sign(action.tenantId(), key);
                                                })
                                                .subscribeOn(Schedulers.boundedElastic()))
                                        .flatMap(signed -> signed.isEmpty()
                                                ? Mono.error(ProblemException.refused(
                                                        Refusal.NOTHING_SIGNED,
                                                        "the tenant has no chained event to sign yet"))
                                                : Mono.just(
                                                        signed.get().created()
                                                                ? signed.get().checkpoint()
                                                                : Answer.ok(signed.get()
                                                                        .checkpoint())))),
                        tenantScoped(alsoAnswering(
                                operation(
                                        "audit",
                                        "signAuditCheckpoint",
                                        "Signs the tenant's chain head now; "
                                                + "200 with the last checkpoint when it already covers the head (platform_operator)",
                                        null,
                                        201,
                                        Checkpoint.class),
                                200,
                                Checkpoint.class)))
                .build();
    }

    /**
     * The tenant's checkpoints and every key that signed one; {@code public_key} is the current key, and
     * {@code note_verifier_key} the same key in the form C2SP note verifiers take, for the signed tree heads.
     */
    record CheckpointsResponse(
            java.util.UUID tenantId,
            String algorithm,
            String keyId,
            String publicKey,
            List<PublicKey> keys,
            List<Checkpoint> checkpoints,
            String noteVerifierKey) {}

    record PublicKey(String keyId, String publicKey) {}
}
