package dev.custos.api.evidence;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.evidence.BundleView;

/** Routes of the evidence subsystem. */
@Configuration(proxyBeanMethods = false)
class EvidenceRoutes {

    private static final String TAG = "evidence";

    @Bean
    RouterFunction<ServerResponse> evidenceRouter(EvidenceHandler evidence, BundleHandler bundles,
                                                  TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .POST("/api/evidence/bundles", bundles::create, tenantScoped(operation(TAG, "createBundle",
                        "Bundle evidence objects (any operator)", CreateBundleRequest.class, 201, BundleView.class)))
                .POST("/api/evidence/bundles/{id}/seal", bundles::seal, tenantScoped(operation(TAG, "sealBundle",
                        "Seal a bundle under a canonical manifest (any operator)", null, 200, BundleView.class, "id")))
                .GET("/api/evidence/bundles/{id}", bundles::read, tenantScoped(operation(TAG, "readBundle",
                        "A bundle with its manifest once sealed", null, 200, BundleView.class, "id")))
                .POST("/api/evidence", evidence::upload, tenantScoped(operation(TAG, "uploadEvidence",
                        "Upload raw bytes as evidence (title in x-evidence-title); streamed and hashed", null, 201,
                        EvidenceSummary.class)))
                .GET("/api/evidence/{id}", evidence::read, tenantScoped(operation(TAG, "readEvidence",
                        "An evidence summary with a 60-second download link", null, 200, EvidenceSummary.class,
                        "id")))
                .POST("/api/evidence/{id}/seal", evidence::seal, tenantScoped(operation(TAG, "sealEvidence",
                        "Seal an evidence object (any operator)", null, 200, EvidenceSummary.class, "id")))
                .POST("/api/evidence/{id}/verify", evidence::verify, tenantScoped(operation(TAG, "verifyEvidence",
                        "Re-read the blob and compare its SHA-256 (any operator)", null, 200,
                        EvidenceHandler.VerifyResponse.class, "id")))
                .DELETE("/api/evidence/{id}", evidence::destroy, tenantScoped(operation(TAG, "destroyEvidence",
                        "Destroy the blob unless a legal hold covers it (any operator)", null, 200,
                        EvidenceSummary.class, "id")))
                .filter(tenantContext)
                .build();
    }
}
