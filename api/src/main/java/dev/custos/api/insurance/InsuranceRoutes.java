package dev.custos.api.insurance;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.sharing;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.authority.ShareAnswer;
import dev.custos.api.authority.ShareRequest;
import dev.custos.api.evidence.EvidenceReference;
import dev.custos.api.export.ExportAnswer;
import dev.custos.api.insurance.ClaimHandler.DossierAnswer;
import dev.custos.api.insurance.InsuranceActions.OpenClaimRequest;
import dev.custos.query.insurance.ClaimView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the insurance operations (P2.18-B.3 insurance). */
@Configuration(proxyBeanMethods = false)
class InsuranceRoutes implements ActionCatalogue {

    private static final String TAG = "insurance";

    @Override
    public List<ActionSpec<?>> actions() {
        return InsuranceActions.ALL;
    }

    @Bean
    RouterFunction<ServerResponse> insuranceRouter(ClaimHandler claims, DossierHandler dossiers) {
        return SpringdocRouteBuilder.route()
                .POST(
                        InsuranceActions.OPEN.path(),
                        claims::open,
                        tenantScoped(operation(
                                TAG,
                                "openClaim",
                                "Open a claim (insurance_operator)",
                                OpenClaimRequest.class,
                                201,
                                ClaimView.class)))
                .POST(
                        InsuranceActions.ATTACH_EVIDENCE.path(),
                        claims::attachEvidence,
                        tenantScoped(operation(
                                TAG,
                                "attachClaimEvidence",
                                "Attach evidence of the tenant to the claim (insurance_operator)",
                                EvidenceReference.class,
                                200,
                                ClaimView.class,
                                "id")))
                .POST(
                        InsuranceActions.ASSEMBLE.path(),
                        claims::assemble,
                        tenantScoped(operation(
                                TAG,
                                "assembleClaimDossier",
                                "Seal the claim's evidence and assemble an immutable, canonical "
                                        + "dossier of it (insurance_operator)",
                                null,
                                201,
                                DossierAnswer.class,
                                "id")))
                .POST(
                        InsuranceActions.SHARE.path(),
                        dossiers::share,
                        tenantScoped(sharing(
                                TAG,
                                "shareDossierWithAuthority",
                                "Share the dossier with an adjuster (insurance_operator)",
                                ShareRequest.class,
                                ShareAnswer.class)))
                .POST(
                        InsuranceActions.EXPORT.path(),
                        dossiers::export,
                        tenantScoped(operation(
                                TAG,
                                "exportDossier",
                                "Export the dossier as a zipped BagIt bag behind a short-lived link "
                                        + "(insurance_operator)",
                                null,
                                200,
                                ExportAnswer.class,
                                "id")))
                .build();
    }
}
