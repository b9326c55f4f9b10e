package dev.custos.api.legal;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.legal.LegalActions.PlaceHoldRequest;
import dev.custos.api.legal.LegalActions.ReleaseHoldRequest;
import dev.custos.command.legal.LegalHoldState;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the legal operations (P2.18-B.3 legal ops). */
@Configuration(proxyBeanMethods = false)
class LegalRoutes implements ActionCatalogue {

    private static final String TAG = "legal";

    @Override
    public List<ActionSpec<?>> actions() {
        return LegalActions.ALL;
    }

    /** Operator actions only: the pipeline checks the tenant context itself, in its one read. */
    @Bean
    RouterFunction<ServerResponse> legalRouter(LegalHoldHandler holds) {
        return SpringdocRouteBuilder.route()
                .POST(
                        LegalActions.PLACE_HOLD.path(),
                        holds::place,
                        tenantScoped(operation(
                                TAG,
                                "placeLegalHold",
                                "Place a legal hold (legal_operator)",
                                PlaceHoldRequest.class,
                                201,
                                LegalHoldState.class)))
                .POST(
                        LegalActions.ADD_TARGET.path(),
                        holds::addTarget,
                        tenantScoped(operation(
                                TAG,
                                "addLegalHoldTarget",
                                "Extend a hold to a target (legal_operator)",
                                AddTargetRequest.class,
                                201,
                                LegalHoldState.class,
                                "id")))
                .POST(
                        LegalActions.RELEASE.path(),
                        holds::release,
                        tenantScoped(operation(
                                TAG,
                                "releaseLegalHold",
                                "Release a hold (legal_operator)",
                                ReleaseHoldRequest.class,
                                200,
                                LegalHoldState.class,
                                "id")))
                .build();
    }
}
