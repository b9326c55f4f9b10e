package dev.custos.api.legal;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.legal.LegalHoldView;

/** Routes of the legal operations (P2.18-B.3 legal ops). */
@Configuration(proxyBeanMethods = false)
class LegalRoutes {

    private static final String TAG = "legal";

    @Bean
    RouterFunction<ServerResponse> legalRouter(LegalHoldHandler holds, TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .POST("/api/operator/legal/holds", holds::place, tenantScoped(operation(TAG, "placeLegalHold",
                        "Place a legal hold (legal_operator)", PlaceHoldRequest.class, 201, LegalHoldView.class)))
                .POST("/api/operator/legal/holds/{id}/targets", holds::addTarget, tenantScoped(operation(TAG,
                        "addLegalHoldTarget", "Extend a hold to a target (legal_operator)", AddTargetRequest.class,
                        201, LegalHoldView.class, "id")))
                .POST("/api/operator/legal/holds/{id}/release", holds::release, tenantScoped(operation(TAG,
                        "releaseLegalHold", "Release a hold (legal_operator)", ReleaseHoldRequest.class, 200,
                        LegalHoldView.class, "id")))
                .filter(tenantContext)
                .build();
    }
}
