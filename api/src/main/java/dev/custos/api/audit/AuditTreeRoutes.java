package dev.custos.api.audit;

import static dev.custos.api.support.ApiDocs.answering;
import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withQuery;
import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Paging;
import dev.custos.command.Refusal;
import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.query.audit.AuditReader;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The transparency log's routes, for the tenant's tenant-wide platform operators: the latest signed tree head as a
 * C2SP signed note, and inclusion and consistency proofs from the tenant's Merkle tree. Each proof is one read of at
 * most two stored nodes per level of the tree. These reads are not audited: they disclose no event, only hashes of
 * entries the stream (which is audited) shows.
 */
@Configuration(proxyBeanMethods = false)
class AuditTreeRoutes implements ActionCatalogue {

    static final ActionSpec<NoBody> SIGNED_HEAD = ActionSpec.get(
                    "/api/audit/checkpoint", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant();
    static final ActionSpec<NoBody> INCLUSION = ActionSpec.get(
                    "/api/audit/proof/inclusion", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant();
    static final ActionSpec<NoBody> CONSISTENCY = ActionSpec.get(
                    "/api/audit/proof/consistency", RequiredRole.of(PLATFORM_OPERATOR))
            .onTenant();

    private static final MediaType NOTE = MediaType.parseMediaType("text/plain; charset=utf-8");

    @Override
    public List<ActionSpec<?>> actions() {
        return List.of(SIGNED_HEAD, INCLUSION, CONSISTENCY);
    }

    @Bean
    RouterFunction<ServerResponse> auditTreeRouter(OperatorPipeline pipeline, AuditReader reader) {
        return SpringdocRouteBuilder.route()
                .GET(
                        SIGNED_HEAD.path(),
                        request -> pipeline.handle(
                                SIGNED_HEAD,
                                request,
                                action -> reader.latestSignedHead(
                                                action.acting().scope())
                                        .switchIfEmpty(
                                                Mono.error(
                                                        () -> ProblemException.notFound(
                                                                "The tenant has no signed tree head yet; POST /api/audit/checkpoints signs one")))
                                        .flatMap(head -> ServerResponse.ok()
                                                .contentType(NOTE)
                                                .bodyValue(head.note()))),
                        tenantScoped(answering(
                                "audit",
                                "auditSignedTreeHead",
                                "The latest signed tree head as a C2SP signed note (platform_operator)",
                                null,
                                200,
                                List.of("text/plain"),
                                String.class)))
                .GET(
                        INCLUSION.path(),
                        request -> pipeline.handle(INCLUSION, request, action -> {
                            long seq = Paging.number(request, "seq", 1, Long.MAX_VALUE)
                                    .orElseThrow(() -> ProblemException.badRequest("seq is required"));
                            Optional<Long> asked = Paging.number(request, "tree_size", 1, Long.MAX_VALUE);
                            Mono<Long> treeSize = asked.map(Mono::just)
                                    .orElseGet(() -> reader.latestSignedHead(
                                                    action.acting().scope())
                                            .map(AuditReader.SignedHead::treeSize)
                                            .switchIfEmpty(Mono.error(() -> ProblemException.refused(
                                                    Refusal.NOTHING_SIGNED,
                                                    "The tenant has no signed tree head yet: give tree_size"))));
                            return Mono.zip(
                                            treeSize,
                                            reader.treeSize(action.acting().scope()))
                                    .flatMap(sizes -> {
                                        long size = sizes.getT1();
                                        if (size > sizes.getT2()) {
                                            throw ProblemException.badRequest(
                                                    "tree_size " + size + " is past the tree's head, " + sizes.getT2());
                                        }
                                        if (seq > size) {
                                            throw ProblemException.badRequest(
                                                    "seq " + seq + " is not in a tree of " + size + " entries");
                                        }
                                        return reader.proof(
                                                        action.acting().scope(),
                                                        MerkleProofPlan.inclusion(seq - 1, size))
                                                .map(hashes -> new InclusionProof(seq, seq - 1, size, base64(hashes)));
                                    });
                        }),
                        withQuery(
                                tenantScoped(operation(
                                        "audit",
                                        "auditInclusionProof",
                                        "The proof that entry seq is leaf seq - 1 of the tree of tree_size entries "
                                                + "(RFC 9162 §2.1.3; platform_operator)",
                                        null,
                                        200,
                                        InclusionProof.class)),
                                "seq",
                                "tree_size"))
                .GET(
                        CONSISTENCY.path(),
                        request -> pipeline.handle(CONSISTENCY, request, action -> {
                            long from = Paging.number(request, "from", 1, Long.MAX_VALUE)
                                    .orElseThrow(() -> ProblemException.badRequest("from is required"));
                            long to = Paging.number(request, "to", 1, Long.MAX_VALUE)
                                    .orElseThrow(() -> ProblemException.badRequest("to is required"));
                            return reader.treeSize(action.acting().scope()).flatMap(head -> {
                                if (from > to || to > head) {
                                    throw ProblemException.badRequest("a consistency proof needs 1 <= from <= to <= "
                                            + head + " (the tree's head)");
                                }
                                Mono<List<byte[]>> hashes = from == to
                                        ? Mono.just(List.of())
                                        : reader.proof(action.acting().scope(), MerkleProofPlan.consistency(from, to));
                                return hashes.map(proof -> new ConsistencyProof(from, to, base64(proof)));
                            });
                        }),
                        withQuery(
                                tenantScoped(operation(
                                        "audit",
                                        "auditConsistencyProof",
                                        "The proof that the tree of `to` entries extends the tree of `from` "
                                                + "(RFC 9162 §2.1.4; platform_operator)",
                                        null,
                                        200,
                                        ConsistencyProof.class)),
                                "from",
                                "to"))
                .build();
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    /** An inclusion proof: entry {@code seq} is leaf {@code leafIndex} of the tree of {@code treeSize} entries. */
    record InclusionProof(long seq, long leafIndex, long treeSize, List<String> hashes) {}

    /** A consistency proof: the tree of {@code to} entries extends the tree of {@code from}. */
    record ConsistencyProof(long from, long to, List<String> hashes) {}
}
