package dev.custos.api.evidence;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withRawBody;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.evidence.EvidenceActions.CreateBundleRequest;
import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.evidence.BundleView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the evidence subsystem. */
@Configuration(proxyBeanMethods = false)
class EvidenceRoutes implements ActionCatalogue {

    private static final String TAG = "evidence";

    @Override
    public List<ActionSpec<?>> actions() {
        return EvidenceActions.ALL;
    }

    /** What every member of the tenant may do: upload and read. */
    @Bean
    RouterFunction<ServerResponse> evidenceRouter(
            EvidenceHandler evidence, BundleHandler bundles, TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .GET(
                        "/api/evidence/bundles/{id}",
                        bundles::read,
                        tenantScoped(operation(
                                TAG,
                                "readBundle",
                                "A bundle with its manifest once sealed",
                                null,
                                200,
                                BundleView.class,
                                "id")))
                .POST(
                        "/api/evidence",
                        evidence::upload,
                        tenantScoped(withRawBody(UploadHeaders.described(operation(
                                TAG,
                                "uploadEvidence",
                                "Upload raw bytes as evidence (title in x-evidence-title); streamed and " + "hashed",
                                null,
                                201,
                                EvidenceSummary.class)))))
                .GET(
                        "/api/evidence/{id}",
                        evidence::read,
                        tenantScoped(operation(
                                TAG,
                                "readEvidence",
                                "An evidence summary with a 60-second download link",
                                null,
                                200,
                                EvidenceSummary.class,
                                "id")))
                .filter(tenantContext)
                .build();
    }

    /** Operator actions only: the pipeline checks the tenant context itself, in its one read. */
    @Bean
    RouterFunction<ServerResponse> evidenceActionRouter(EvidenceHandler evidence, BundleHandler bundles) {
        return SpringdocRouteBuilder.route()
                .POST(
                        EvidenceActions.CREATE_BUNDLE.path(),
                        bundles::create,
                        tenantScoped(operation(
                                TAG,
                                "createBundle",
                                "Bundle evidence objects (any operator)",
                                CreateBundleRequest.class,
                                201,
                                BundleView.class)))
                .POST(
                        EvidenceActions.SEAL_BUNDLE.path(),
                        bundles::seal,
                        tenantScoped(operation(
                                TAG,
                                "sealBundle",
                                "Seal a bundle under a canonical manifest (any operator)",
                                null,
                                200,
                                BundleView.class,
                                "id")))
                .POST(
                        EvidenceActions.SEAL.path(),
                        evidence::seal,
                        tenantScoped(operation(
                                TAG,
                                "sealEvidence",
                                "Seal an evidence object (any operator)",
                                null,
                                200,
                                EvidenceSummary.class,
                                "id")))
                .POST(
                        EvidenceActions.VERIFY.path(),
                        evidence::verify,
                        tenantScoped(operation(
                                TAG,
                                "verifyEvidence",
                                "Re-read the blob and compare its SHA-256 (any operator)",
                                null,
                                200,
                                EvidenceHandler.VerifyResponse.class,
                                "id")))
                .DELETE(
                        EvidenceActions.DESTROY.path(),
                        evidence::destroy,
                        tenantScoped(operation(
                                TAG,
                                "destroyEvidence",
                                "Destroy the blob unless a legal hold covers it (any operator)",
                                null,
                                200,
                                EvidenceSummary.class,
                                "id")))
                .build();
    }
}
