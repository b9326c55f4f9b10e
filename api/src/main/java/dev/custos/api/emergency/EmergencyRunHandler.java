package dev.custos.api.emergency;

import dev.custos.api.access.Idempotent;
import dev.custos.api.access.OperatorPipeline;
import dev.custos.api.emergency.EmergencyActions.GrantScopeRequest;
import dev.custos.api.evidence.AttachableEvidence;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.emergency.AttachRunCapture;
import dev.custos.command.emergency.EmergencyRunState;
import dev.custos.command.emergency.GrantRunScope;
import dev.custos.command.emergency.ResolveEmergencyRun;
import dev.custos.command.emergency.RevokeRunScope;
import dev.custos.command.emergency.RunScopeGrant;
import dev.custos.command.emergency.StartEmergencyRun;
import dev.custos.query.Timestamps;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.emergency.EmergencyRunReader;
import dev.custos.query.emergency.EmergencyRunView;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Starts and resolves runs and grants and revokes their scopes; each answers what its command decided. */
@Component
class EmergencyRunHandler {

    private final OperatorPipeline pipeline;
    private final EmergencyRunReader runs;
    private final DirectoryReader directory;
    private final AttachableEvidence attachable;

    EmergencyRunHandler(
            OperatorPipeline pipeline,
            EmergencyRunReader runs,
            DirectoryReader directory,
            AttachableEvidence attachable) {
        this.pipeline = pipeline;
        this.runs = runs;
        this.directory = directory;
        this.attachable = attachable;
    }

    /** Idempotent on client_request_id: a repeat answers the run it started, with 200. */
    Mono<ServerResponse> start(ServerRequest request) {
        return pipeline.handle(EmergencyActions.START, request, action -> {
            StartRunRequest body = action.body();
            return Idempotent.create(
                    body.clientRequestId(),
                    () -> runs.runByClientRequest(action.acting().scope(), body.clientRequestId()),
                    StartRunRequest::madeFrom,
                    body.asked(action.acting().circleId()),
                    () -> action.call(
                                    new StartEmergencyRun(
                                            action.subjectId(),
                                            action.tenantId(),
                                            action.acting().circleId(),
                                            body.runType(),
                                            body.title().strip(),
                                            body.summary(),
                                            body.clientRequestId(),
                                            action.individualId(),
                                            action.acting().reach()),
                                    EmergencyRunState.class)
                            .map(EmergencyRunHandler::view));
        });
    }

    Mono<ServerResponse> resolve(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.RESOLVE,
                request,
                action -> action.call(
                                new ResolveEmergencyRun(
                                        action.subjectId(),
                                        action.tenantId(),
                                        action.body().resolutionNote(),
                                        action.individualId(),
                                        action.acting().reach()),
                                EmergencyRunState.class)
                        .map(EmergencyRunHandler::view));
    }

    /** The grantee must be a member of the tenant: a scope for nobody would be a scope anyone could claim later. */
    Mono<ServerResponse> grantScope(ServerRequest request) {
        return pipeline.handle(EmergencyActions.GRANT_SCOPE, request, action -> {
            GrantScopeRequest body = action.body();
            return directory
                    .isMember(action.acting().scope(), body.granteeIndividualId())
                    .filter(Boolean::booleanValue)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such member of this tenant")))
                    .flatMap(member -> action.call(
                            new GrantRunScope(
                                    action.subjectId(),
                                    action.tenantId(),
                                    UUID.randomUUID(),
                                    body.granteeIndividualId(),
                                    body.scopeKey(),
                                    body.expiresAt(),
                                    action.individualId(),
                                    action.acting().reach()),
                            RunScopeGrant.class));
        });
    }

    Mono<ServerResponse> revokeScope(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.REVOKE_SCOPE,
                request,
                action -> action.call(
                        new RevokeRunScope(
                                action.subjectId(),
                                action.tenantId(),
                                action.body().scopeGrantId(),
                                action.body().reason(),
                                action.individualId(),
                                action.acting().reach()),
                        RunScopeGrant.class));
    }

    /** Evidence captured before or outside the run becomes one of its captures; attaching it again changes nothing. */
    Mono<ServerResponse> attachCapture(ServerRequest request) {
        return pipeline.handle(
                EmergencyActions.ATTACH_CAPTURE,
                request,
                action -> attachable
                        .find(action.acting(), action.body().evidenceId())
                        .flatMap(found -> action.call(
                                new AttachRunCapture(
                                        action.subjectId(),
                                        action.tenantId(),
                                        found.id(),
                                        found.circleId(),
                                        action.individualId(),
                                        action.acting().reach()),
                                EmergencyRunState.class))
                        .map(EmergencyRunHandler::view));
    }

    /** The run as the read model will show it: the command's state and the view have the same fields. */
    static EmergencyRunView view(EmergencyRunState state) {
        return new EmergencyRunView(
                state.id(),
                state.circleId(),
                state.runType(),
                state.title(),
                state.summary(),
                state.status(),
                Timestamps.asStored(state.startedAt()),
                state.startedByIndividualId(),
                Timestamps.asStored(state.resolvedAt()),
                state.resolvedByIndividualId(),
                state.resolutionNote(),
                state.latestRecordPackBundleId());
    }
}
