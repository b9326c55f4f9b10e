package dev.custos.api.emergency;

import static dev.custos.api.support.ApiDocs.alsoAnswering;
import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.sharing;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.authority.ShareAnswer;
import dev.custos.api.authority.ShareRequest;
import dev.custos.api.emergency.EmergencyActions.GrantScopeRequest;
import dev.custos.api.emergency.EmergencyActions.ResolveRunRequest;
import dev.custos.api.emergency.EmergencyActions.RevokeScopeRequest;
import dev.custos.api.emergency.Playbooks.Playbook;
import dev.custos.api.emergency.RunRecordsHandler.RunDashboard;
import dev.custos.api.evidence.EvidenceReference;
import dev.custos.command.emergency.RunScopeGrant;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.evidence.BundleView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the emergency operations (P2.18-B.3 emergency). */
@Configuration(proxyBeanMethods = false)
class EmergencyRoutes implements ActionCatalogue {

    private static final String TAG = "emergency";

    @Override
    public List<ActionSpec<?>> actions() {
        return EmergencyActions.ALL;
    }

    @Bean
    RouterFunction<ServerResponse> emergencyRouter(EmergencyRunHandler runs, RunRecordsHandler records) {
        return SpringdocRouteBuilder.route()
                .POST(
                        EmergencyActions.START.path(),
                        runs::start,
                        tenantScoped(alsoAnswering(
                                operation(
                                        TAG,
                                        "startEmergencyRun",
                                        "Start a run, idempotent by client_request_id (emergency_operator)",
                                        StartRunRequest.class,
                                        201,
                                        EmergencyRunView.class),
                                200,
                                EmergencyRunView.class)))
                .POST(
                        EmergencyActions.RESOLVE.path(),
                        runs::resolve,
                        tenantScoped(operation(
                                TAG,
                                "resolveEmergencyRun",
                                "Resolve a run (emergency_operator)",
                                ResolveRunRequest.class,
                                200,
                                EmergencyRunView.class,
                                "id")))
                .POST(
                        EmergencyActions.GRANT_SCOPE.path(),
                        runs::grantScope,
                        tenantScoped(operation(
                                TAG,
                                "grantRunScope",
                                "Grant a member a scope of the run (emergency_operator)",
                                GrantScopeRequest.class,
                                201,
                                RunScopeGrant.class,
                                "id")))
                .POST(
                        EmergencyActions.REVOKE_SCOPE.path(),
                        runs::revokeScope,
                        tenantScoped(operation(
                                TAG,
                                "revokeRunScope",
                                "Revoke a scope grant of the run (emergency_operator)",
                                RevokeScopeRequest.class,
                                200,
                                RunScopeGrant.class,
                                "id")))
                .POST(
                        EmergencyActions.ATTACH_CAPTURE.path(),
                        runs::attachCapture,
                        tenantScoped(operation(
                                TAG,
                                "attachRunCapture",
                                "Attach evidence of the tenant to the run as a capture " + "(emergency_operator)",
                                EvidenceReference.class,
                                200,
                                EmergencyRunView.class,
                                "id")))
                .POST(
                        EmergencyActions.EXPORT_PLAYBOOK.path(),
                        records::exportPlaybook,
                        tenantScoped(operation(
                                TAG,
                                "exportRunPlaybook",
                                "The run's timeline as canonical, hashed steps (emergency_operator)",
                                null,
                                200,
                                Playbook.class,
                                "id")))
                .POST(
                        EmergencyActions.GENERATE_RECORD_PACK.path(),
                        records::generateRecordPack,
                        tenantScoped(operation(
                                TAG,
                                "generateRunRecordPack",
                                "Seal the captures and pack them in a sealed bundle (emergency_operator)",
                                null,
                                201,
                                BundleView.class,
                                "id")))
                .POST(
                        EmergencyActions.SHARE_AUTHORITY.path(),
                        records::shareAuthority,
                        tenantScoped(sharing(
                                TAG,
                                "shareRunWithAuthority",
                                "Share the newest record pack (emergency_operator)",
                                ShareRequest.class,
                                ShareAnswer.class)))
                .GET(
                        EmergencyActions.DASHBOARD.path(),
                        records::dashboard,
                        tenantScoped(operation(
                                TAG,
                                "emergencyRunDashboard",
                                "The run, its scopes, audit rows, packs and captures " + "(emergency_operator)",
                                null,
                                200,
                                RunDashboard.class,
                                "id")))
                .build();
    }
}
