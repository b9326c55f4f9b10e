package dev.custos.api.portal;

import dev.custos.api.blob.PresignedDownload;
import dev.custos.api.evidence.EvidenceSummaries;
import dev.custos.command.authority.Visit;
import dev.custos.query.portal.PortalQueries;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The session routes. Each request re-checks the session inside the definer function (token and grant still
 * active and unexpired), then the object's scope and any {@code restrict_sharing} hold. Every access is logged.
 */
@Component
class PortalReadHandler {

    private final PortalQueries portal;
    private final SessionTokens sessions;
    private final PortalRateLimiter rateLimiter;
    private final AccessLog accessLog;
    private final EvidenceSummaries evidenceLinks;
    private final Visits visits;

    private final IndexReceipts indexReceipts;

    PortalReadHandler(
            PortalQueries portal,
            SessionTokens sessions,
            PortalRateLimiter rateLimiter,
            AccessLog accessLog,
            EvidenceSummaries evidenceLinks,
            Visits visits,
            IndexReceipts indexReceipts) {
        this.indexReceipts = indexReceipts;
        this.portal = portal;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.accessLog = accessLog;
        this.evidenceLinks = evidenceLinks;
        this.visits = visits;
    }

    Mono<ServerResponse> index(ServerRequest request) {
        return withSession(
                request,
                (session, visit) -> answer(
                        session,
                        visit,
                        portal.index(session.tenantId(), session.grantId(), session.tokenId()),
                        null,
                        item -> indexReceipts
                                .attach(session.tenantId(), PortalViews.read(item, PortalViews.Index.class))
                                .cast(Object.class)));
    }

    Mono<ServerResponse> bundleManifest(ServerRequest request) {
        return withObject(
                request,
                (session, visit, id) -> answer(
                        session,
                        visit,
                        portal.bundleManifest(session.tenantId(), session.grantId(), session.tokenId(), id),
                        null,
                        item -> Mono.just(PortalViews.read(item, PortalViews.Manifest.class))));
    }

    Mono<ServerResponse> dossier(ServerRequest request) {
        return withObject(
                request,
                (session, visit, id) -> answer(
                        session,
                        visit,
                        portal.dossier(session.tenantId(), session.grantId(), session.tokenId(), id),
                        null,
                        item -> Mono.just(PortalViews.read(item, PortalViews.Dossier.class))));
    }

    Mono<ServerResponse> evidence(ServerRequest request) {
        return withObject(
                request,
                (session, visit, id) -> answer(
                        session,
                        visit,
                        portal.evidence(session.tenantId(), session.grantId(), session.tokenId(), id),
                        null,
                        item -> Mono.just(PortalViews.read(item, PortalViews.Evidence.class))));
    }

    /** A 60-second signed GET for in-scope evidence only; the link is answered, logged as issued, never stored. */
    Mono<ServerResponse> download(ServerRequest request) {
        return withObject(
                request,
                (session, visit, id) -> answer(
                        session,
                        visit,
                        portal.evidence(session.tenantId(), session.grantId(), session.tokenId(), id),
                        id,
                        item -> {
                            PortalViews.Evidence summary = PortalViews.read(item, PortalViews.Evidence.class);
                            PresignedDownload link = evidenceLinks.download(
                                    item.get("blob_key").asString(), summary.title(), summary.id());
                            return Mono.just(new PortalViews.Download(link.url(), link.expiresAt()));
                        }));
    }

    private interface ObjectAction {
        Mono<ServerResponse> apply(PortalSession session, Visit visit, UUID objectId);
    }

    private Mono<ServerResponse> withObject(ServerRequest request, ObjectAction action) {
        Optional<UUID> id = parse(request.pathVariable("id"));
        return withSession(
                request,
                (session, visit) -> id.isEmpty() ? PortalResponses.notFound() : action.apply(session, visit, id.get()));
    }

    private Mono<ServerResponse> withSession(
            ServerRequest request, BiFunction<PortalSession, Visit, Mono<ServerResponse>> action) {
        Optional<PortalSession> session = Optional.ofNullable(request.headers().firstHeader("Authorization"))
                .filter(header -> header.startsWith("Bearer "))
                .flatMap(header ->
                        sessions.verify(header.substring("Bearer ".length()).strip()));
        if (session.isEmpty()) {
            return PortalResponses.denied();
        }
        Visit visit = visits.of(request);
        PortalSession current = session.get();
        return rateLimiter
                .tryAcquire(visit.ip(), current.tokenId().toString())
                .flatMap(allowed -> allowed
                        ? action.apply(current, visit)
                        : record(current, AccessLog.Kind.RATE_LIMITED, null, visit)
                                .then(PortalResponses.rateLimited()));
    }

    /**
     * Answers a definer function's result: 401 when the session no longer counts, 404 when the object is not in
     * scope (whether or not it exists), else the body, after logging the access ({@code download_issued} for a
     * download, {@code access_allowed} for a read).
     */
    private Mono<ServerResponse> answer(
            PortalSession session,
            Visit visit,
            Mono<PortalQueries.Answer> answer,
            UUID downloadedEvidence,
            Function<JsonNode, Mono<Object>> toBody) {
        return answer.flatMap(result -> {
            if (!result.sessionActive()) {
                return record(session, AccessLog.Kind.DENIED, null, visit).then(PortalResponses.denied());
            }
            if (result.item().isEmpty()) {
                return PortalResponses.notFound();
            }
            AccessLog.Kind kind = downloadedEvidence == null ? AccessLog.Kind.READ : AccessLog.Kind.DOWNLOAD;
            return toBody.apply(result.item().get())
                    .flatMap(body -> record(session, kind, downloadedEvidence, visit)
                            .then(ServerResponse.ok().bodyValue(body)));
        });
    }

    private Mono<Void> record(PortalSession session, AccessLog.Kind kind, UUID evidenceId, Visit visit) {
        return accessLog.record(session.tenantId(), session.grantId(), session.tokenId(), kind, evidenceId, visit);
    }

    private static Optional<UUID> parse(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
