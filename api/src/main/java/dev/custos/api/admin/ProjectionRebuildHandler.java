package dev.custos.api.admin;

import dev.custos.query.rebuild.ProjectionRebuild;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the read tables for a platform administrator. The rebuild belongs to no tenant, so it has no audit row
 * (those are per tenant); it is logged with the administrator's id instead. It blocks for its whole duration, on
 * a thread meant for blocking work, and answers once it has committed.
 */
@Component
class ProjectionRebuildHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuildHandler.class);

    private final ProjectionRebuild rebuild;

    ProjectionRebuildHandler(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    Mono<ServerResponse> rebuild(ServerRequest request) {
        return AdminRoutes.platformAdmin(request, "Rebuilding the read tables")
                // The route takes no body; one sent anyway is read to its end and ignored.
                .flatMap(caller -> request.bodyToFlux(DataBuffer.class)
                        .doOnNext(DataBufferUtils::release)
                        .then(Mono.fromCallable(() -> {
                                    log.info("Rebuild of the read tables started by {}", caller.individualId());
                                    return rebuild.run();
                                })
                                .subscribeOn(Schedulers.boundedElastic())))
                .flatMap(outcome -> ServerResponse.ok().bodyValue(RebuildResponse.of(outcome)));
    }

    /**
     * What a rebuild did: every read table with its rows before and after, the events replayed and the time taken. An
     * append-only table (audit, usage, access log) is never emptied; its rows before and after match unless the
     * replay found a row missing.
     */
    public record RebuildResponse(List<Table> tables, long events, long tookMs) {

        public record Table(String table, long rowsBefore, long rows, boolean appendOnly) {}

        static RebuildResponse of(ProjectionRebuild.Outcome outcome) {
            return new RebuildResponse(
                    outcome.tables().stream()
                            .map(rows -> new Table(rows.table(), rows.rowsBefore(), rows.rows(), rows.appendOnly()))
                            .toList(),
                    outcome.events(),
                    outcome.tookMillis());
        }
    }
}
