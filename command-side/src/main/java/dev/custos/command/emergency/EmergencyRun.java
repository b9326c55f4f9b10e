package dev.custos.command.emergency;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.events.emergency.EmergencyRunCaptureAttached;
import dev.custos.events.emergency.EmergencyRunRecordPackGenerated;
import dev.custos.events.emergency.EmergencyRunResolved;
import dev.custos.events.emergency.EmergencyRunScopeGranted;
import dev.custos.events.emergency.EmergencyRunScopeRevoked;
import dev.custos.events.emergency.EmergencyRunStarted;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An emergency run: active until resolved, with the scopes it grants members and the record packs made of it.
 * Its stream grows with every scope and pack, so it is snapshotted. A resolved run takes no new scope; revoking
 * one, and recording what happened, stay possible after the emergency is over.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class EmergencyRun {

    @AggregateIdentifier
    private UUID runId;

    private UUID tenantId;
    private UUID circleId;
    private String runType;
    private String title;
    private String summary;
    private Instant startedAt;
    private UUID startedBy;
    private boolean resolved;
    private Instant resolvedAt;
    private UUID resolvedBy;
    private String resolutionNote;
    private UUID latestRecordPack;
    private Map<UUID, RunScopeGrant> scopeGrants = new LinkedHashMap<>();
    private Set<UUID> attachedCaptures = new LinkedHashSet<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    EmergencyRunState handle(StartEmergencyRun command, Clock clock) {
        require(command.runId() != null && command.tenantId() != null, INVALID, "run and tenant ids are required");
        command.reach().requireActOn(command.circleId(), "circle");
        apply(new EmergencyRunStarted(
                command.tenantId(),
                command.runId(),
                command.circleId(),
                requireText(command.runType(), "run_type"),
                requireText(command.title(), "title"),
                command.summary(),
                command.clientRequestId(),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    @CommandHandler
    EmergencyRunState handle(ResolveEmergencyRun command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(!resolved, Refusal.ALREADY_RESOLVED, "the run is already resolved");
        apply(new EmergencyRunResolved(
                tenantId,
                runId,
                circleId,
                requireText(command.resolutionNote(), "resolution_note"),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    @CommandHandler
    RunScopeGrant handle(GrantRunScope command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(!resolved, Refusal.ALREADY_RESOLVED, "the run is resolved and grants no new scope");
        require(
                command.scopeGrantId() != null && command.granteeIndividualId() != null,
                INVALID,
                "scope grant and grantee ids are required");
        String scopeKey = requireText(command.scopeKey(), "scope_key");
        Instant now = clock.instant();
        require(
                command.expiresAt() == null || command.expiresAt().isAfter(now),
                INVALID,
                "expires_at must be in the future");
        require(
                scopeGrants.values().stream()
                        .noneMatch(grant -> grant.liveAt(now)
                                && grant.granteeIndividualId().equals(command.granteeIndividualId())
                                && grant.scopeKey().equals(scopeKey)),
                Refusal.SCOPE_ALREADY_HELD,
                "the member already holds this scope of the run");
        apply(new EmergencyRunScopeGranted(
                tenantId,
                runId,
                circleId,
                command.scopeGrantId(),
                command.granteeIndividualId(),
                scopeKey,
                command.expiresAt(),
                now,
                command.requestedBy()));
        return scopeGrants.get(command.scopeGrantId());
    }

    @CommandHandler
    RunScopeGrant handle(RevokeRunScope command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        RunScopeGrant grant = scopeGrants.get(command.scopeGrantId());
        require(grant != null, NOT_FOUND, "no such scope grant of this run");
        require(!grant.isRevoked(), Refusal.ALREADY_REVOKED, "the scope grant is already revoked");
        apply(new EmergencyRunScopeRevoked(
                tenantId,
                runId,
                circleId,
                grant.scopeGrantId(),
                requireText(command.reason(), "reason"),
                clock.instant(),
                command.requestedBy()));
        return scopeGrants.get(command.scopeGrantId());
    }

    /** Attaching what is already attached changes nothing; a resolved run still takes what it captured. */
    @CommandHandler
    EmergencyRunState handle(AttachRunCapture command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(command.evidenceId() != null, INVALID, "evidence_id is required");
        Reach.requireSameCircle(circleId, command.evidenceCircleId(), "evidence");
        if (!attachedCaptures.contains(command.evidenceId())) {
            apply(new EmergencyRunCaptureAttached(
                    tenantId, runId, circleId, command.evidenceId(), clock.instant(), command.requestedBy()));
        }
        return state();
    }

    @CommandHandler
    EmergencyRunState handle(RecordRunPack command, Clock clock) {
        requireInTenant(command.tenantId(), command.reach());
        require(command.bundleId() != null, INVALID, "bundle id is required");
        apply(new EmergencyRunRecordPackGenerated(
                tenantId,
                runId,
                circleId,
                command.bundleId(),
                requireText(command.manifestSha256(), "manifest_sha256"),
                command.captureCount(),
                clock.instant(),
                command.requestedBy()));
        return state();
    }

    private void requireInTenant(UUID requestTenant, Reach reach) {
        require(tenantId.equals(requestTenant), NOT_FOUND, "no such emergency run");
        reach.requireActOn(circleId, "emergency run");
    }

    private EmergencyRunState state() {
        return new EmergencyRunState(
                runId,
                circleId,
                runType,
                title,
                summary,
                resolved ? "resolved" : "active",
                startedAt,
                startedBy,
                resolvedAt,
                resolvedBy,
                resolutionNote,
                latestRecordPack);
    }

    @EventSourcingHandler
    void on(EmergencyRunStarted event) {
        runId = event.runId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        runType = event.runType();
        title = event.title();
        summary = event.summary();
        startedAt = event.startedAt();
        startedBy = event.startedByIndividualId();
    }

    @EventSourcingHandler
    void on(EmergencyRunResolved event) {
        resolved = true;
        resolvedAt = event.resolvedAt();
        resolvedBy = event.resolvedByIndividualId();
        resolutionNote = event.resolutionNote();
    }

    @EventSourcingHandler
    void on(EmergencyRunScopeGranted event) {
        scopeGrants.put(
                event.scopeGrantId(),
                new RunScopeGrant(
                        event.scopeGrantId(),
                        event.runId(),
                        event.granteeIndividualId(),
                        event.scopeKey(),
                        event.expiresAt(),
                        event.grantedAt(),
                        event.grantedByIndividualId(),
                        null,
                        null));
    }

    @EventSourcingHandler
    void on(EmergencyRunScopeRevoked event) {
        scopeGrants.computeIfPresent(
                event.scopeGrantId(), (id, grant) -> grant.revoked(event.revokedAt(), event.reason()));
    }

    @EventSourcingHandler
    void on(EmergencyRunCaptureAttached event) {
        attachedCaptures.add(event.evidenceId());
    }

    @EventSourcingHandler
    void on(EmergencyRunRecordPackGenerated event) {
        latestRecordPack = event.bundleId();
    }

    EmergencyRun() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
