package dev.custos.api.emergency;

import dev.custos.api.access.Action;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.authority.GrantService;
import dev.custos.api.evidence.EvidenceSummaries;
import dev.custos.api.evidence.EvidenceSummary;
import dev.custos.api.evidence.SealedPacks;
import dev.custos.api.evidence.SealedPacks.Pack;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.command.emergency.RecordRunPack;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.emergency.EmergencyRunReader;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.emergency.RunScopeGrantView;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.evidence.EvidenceView;
import dev.custos.query.operator.OperatorEventFilter;
import dev.custos.query.operator.OperatorEventReader;
import dev.custos.query.operator.OperatorEventView;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** What a run leaves on record: its playbook, its record packs, their sharing, and the dashboard over it all. */
@Component
class RunRecordsHandler {

    /** The dashboard shows the newest audit rows of the run; the full log is {@code GET /api/operator/events}. */
    private static final int DASHBOARD_EVENTS = 200;

    private final OperatorPipeline pipeline;
    private final EmergencyRunReader runs;
    private final EvidenceReader evidence;
    private final OperatorEventReader audit;
    private final SealedPacks packs;
    private final GrantService sharing;
    private final EvidenceSummaries summaries;
    private final Clock clock;

    RunRecordsHandler(
            OperatorPipeline pipeline,
            EmergencyRunReader runs,
            EvidenceReader evidence,
            OperatorEventReader audit,
            SealedPacks packs,
            GrantService sharing,
            EvidenceSummaries summaries,
            Clock clock) {
        this.pipeline = pipeline;
        this.runs = runs;
        this.evidence = evidence;
        this.audit = audit;
        this.packs = packs;
        this.sharing = sharing;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** The same run gives the same bytes: the playbook is made of the run's record, never of the request. */
    Mono<ServerResponse> exportPlaybook(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.EXPORT_PLAYBOOK,
                request,
                action -> run(action)
                        .flatMap(run -> Mono.zip(
                                        runs.scopeGrants(action.acting().scope(), run.id())
                                                .collectList(),
                                        evidence.runCaptures(action.acting().scope(), run.id())
                                                .collectList(),
                                        runs.recordPacks(action.acting().scope(), run.id())
                                                .collectList())
                                .map(parts -> Playbooks.of(run, parts.getT1(), parts.getT2(), parts.getT3())))
                        .flatMap(playbook -> action.recordView(clock.instant()).thenReturn(playbook)));
    }

    /** Seals the run's open captures, packs them all into a sealed bundle, and records it as the run's newest pack. */
    Mono<ServerResponse> generateRecordPack(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.GENERATE_RECORD_PACK,
                request,
                action -> run(action)
                        .flatMap(run -> evidence.runCaptures(action.acting().scope(), run.id())
                                .map(EvidenceView::id)
                                .collectList()
                                .flatMap(captures -> action.atomically(steps -> {
                                    Pack pack = packs.seal(
                                            steps,
                                            action,
                                            action.acting().overContents(),
                                            "Record pack: " + run.title(),
                                            captures);
                                    steps.send(new RecordRunPack(
                                            action.subjectId(),
                                            action.tenantId(),
                                            pack.bundleId(),
                                            pack.manifestSha256(),
                                            pack.members(),
                                            action.individualId(),
                                            action.acting().reach()));
                                    return pack.bundleId();
                                })))
                        .flatMap(bundleId -> evidence.bundle(action.acting().scope(), bundleId)));
    }

    /** One grant, scoped to the run's newest record pack, and one token: 409 until the run has a pack. */
    Mono<ServerResponse> shareAuthority(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.SHARE_AUTHORITY,
                request,
                action -> run(action)
                        .flatMap(run -> run.latestRecordPackBundleId() == null
                                ? Mono.error(ProblemException.refused(
                                        Refusal.NO_RECORD_PACK, "the run has no record pack to share yet"))
                                : sharing.share(
                                        action,
                                        action.body(),
                                        CustodyType.EVIDENCE_BUNDLE,
                                        run.latestRecordPackBundleId())));
    }

    /** The view is on record before it is read, so the dashboard's events include this very view. */
    Mono<ServerResponse> dashboard(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.DASHBOARD,
                request,
                action -> action.recordView(clock.instant())
                        .then(Mono.defer(() -> run(action)))
                        .flatMap(run -> Mono.zip(
                                        runs.scopeGrants(action.acting().scope(), run.id())
                                                .collectList(),
                                        audit.find(
                                                        action.acting().scope(),
                                                        new OperatorEventFilter(
                                                                null, "emergency_run", run.id(), null, null),
                                                        DASHBOARD_EVENTS,
                                                        0)
                                                .collectList(),
                                        bundles(action, run),
                                        evidence.runCaptures(action.acting().scope(), run.id())
                                                .map(summaries::of)
                                                .collectList())
                                .map(parts -> new RunDashboard(
                                        run, parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4()))));
    }

    private Mono<List<BundleView>> bundles(Action<?> action, EmergencyRunView run) {
        return runs.recordPacks(action.acting().scope(), run.id())
                .concatMap(pack -> evidence.bundle(action.acting().scope(), pack.bundleId()))
                .collectList();
    }

    private Mono<EmergencyRunView> run(Action<?> action) {
        return runs.run(action.acting().scope(), action.subjectId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such emergency run")));
    }

    /**
     * {@code GET /api/operator/emergency/runs/{id}/dashboard}: the run, its scopes, audit rows, record packs,
     * captures.
     */
    public record RunDashboard(
            EmergencyRunView run,
            List<RunScopeGrantView> grants,
            List<OperatorEventView> events,
            List<BundleView> bundles,
            List<EvidenceSummary> captures) {}
}
