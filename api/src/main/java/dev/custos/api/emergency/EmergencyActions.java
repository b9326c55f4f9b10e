package dev.custos.api.emergency;

import static dev.custos.events.operator.OperatorRoleKey.EMERGENCY_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.api.authority.ShareRequest;
import dev.custos.api.evidence.EvidenceReference;
import dev.custos.api.support.Multiline;
import dev.custos.query.access.ObjectKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The emergency operations, as the operator-action pipeline runs them. */
final class EmergencyActions {

    private static final RequiredRole EMERGENCY = RequiredRole.of(EMERGENCY_OPERATOR);
    private static final String RUN = "emergency_run";
    private static final String RUNS = "/api/operator/emergency/runs/";

    static final ActionSpec<StartRunRequest> START = ActionSpec.post(RUNS + "start", EMERGENCY)
            .body(StartRunRequest.class)
            .creating()
            .audited("run_start", RUN);

    static final ActionSpec<ResolveRunRequest> RESOLVE = ActionSpec.post(RUNS + "{id}/resolve", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .body(ResolveRunRequest.class)
            .audited("run_resolve", RUN);

    static final ActionSpec<GrantScopeRequest> GRANT_SCOPE = ActionSpec.post(RUNS + "{id}/grant-scope", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .body(GrantScopeRequest.class)
            .answers(HttpStatus.CREATED)
            .audited("run_grant_scope", RUN);

    static final ActionSpec<RevokeScopeRequest> REVOKE_SCOPE = ActionSpec.post(RUNS + "{id}/revoke-scope", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .body(RevokeScopeRequest.class)
            .audited("run_revoke_scope", RUN);

    /** Outside {@code /api/operator/}, like a claim's evidence: the run's own event records it, not the audit table. */
    static final ActionSpec<EvidenceReference> ATTACH_CAPTURE = ActionSpec.post(
                    "/api/emergency/runs/{id}/captures", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .body(EvidenceReference.class);

    static final ActionSpec<NoBody> EXPORT_PLAYBOOK = ActionSpec.post(RUNS + "{id}/export-playbook", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .audited("run_export_playbook", RUN);

    static final ActionSpec<NoBody> GENERATE_RECORD_PACK = ActionSpec.post(
                    RUNS + "{id}/generate-record-pack", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .answers(HttpStatus.CREATED)
            .audited("run_generate_record_pack", RUN)
            .charged();

    static final ActionSpec<ShareRequest> SHARE_AUTHORITY = ActionSpec.post(RUNS + "{id}/share-authority", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .body(ShareRequest.class)
            .answers(HttpStatus.CREATED)
            .audited("run_share_authority", RUN)
            .charged();

    static final ActionSpec<NoBody> DASHBOARD = ActionSpec.get(RUNS + "{id}/dashboard", EMERGENCY)
            .on(ObjectKind.EMERGENCY_RUN)
            .audited("run_dashboard_view", RUN);

    static final List<ActionSpec<?>> ALL = List.of(
            START,
            RESOLVE,
            GRANT_SCOPE,
            REVOKE_SCOPE,
            ATTACH_CAPTURE,
            EXPORT_PLAYBOOK,
            GENERATE_RECORD_PACK,
            SHARE_AUTHORITY,
            DASHBOARD);

    private EmergencyActions() {}

    /** {@code POST /api/operator/emergency/runs/{id}/grant-scope}: the grantee must be a member of the tenant. */
    public record GrantScopeRequest(
            @NotNull UUID granteeIndividualId,

            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "[a-z][a-z0-9_.:-]{0,99}", message = "must be a lower-case key such as site_access")
            String scopeKey,

            Instant expiresAt) {}

    /** {@code POST /api/operator/emergency/runs/{id}/revoke-scope}. */
    public record RevokeScopeRequest(
            @NotNull UUID scopeGrantId,
            @NotBlank @Multiline @Size(max = 2000) String reason) {}

    /** {@code POST /api/operator/emergency/runs/{id}/resolve}. */
    public record ResolveRunRequest(
            @NotBlank @Multiline @Size(max = 4000) String resolutionNote) {}
}
