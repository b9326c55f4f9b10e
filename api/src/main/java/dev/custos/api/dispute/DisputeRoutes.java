package dev.custos.api.dispute;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.sharing;
import static dev.custos.api.support.ApiDocs.tenantScoped;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.authority.ShareAnswer;
import dev.custos.api.authority.ShareRequest;
import dev.custos.api.dispute.DisputeActions.OpenDisputeRequest;
import dev.custos.api.export.ExportAnswer;
import dev.custos.command.dispute.DefensePack;
import dev.custos.query.dispute.DisputeView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the dispute operations (P2.18-B.3 disputes). */
@Configuration(proxyBeanMethods = false)
class DisputeRoutes implements ActionCatalogue {

    private static final String TAG = "disputes";

    @Override
    public List<ActionSpec<?>> actions() {
        return DisputeActions.ALL;
    }

    @Bean
    RouterFunction<ServerResponse> disputeRouter(DisputeHandler disputes, DefensePackHandler packs) {
        return SpringdocRouteBuilder.route()
                .POST(
                        DisputeActions.OPEN.path(),
                        disputes::open,
                        tenantScoped(operation(
                                TAG,
                                "openDispute",
                                "Open a dispute (legal_operator)",
                                OpenDisputeRequest.class,
                                201,
                                DisputeView.class)))
                .POST(
                        DisputeActions.ADD_MATERIAL.path(),
                        disputes::addMaterial,
                        tenantScoped(operation(
                                TAG,
                                "addDisputeMaterial",
                                "Add evidence, a sealed bundle or a dossier to the dispute " + "(legal_operator)",
                                AddMaterialRequest.class,
                                200,
                                DisputeView.class,
                                "id")))
                .POST(
                        DisputeActions.ASSEMBLE.path(),
                        disputes::assembleDefensePack,
                        tenantScoped(operation(
                                TAG,
                                "assembleDefensePack",
                                "Seal the evidence of every material into a defense pack " + "(legal_operator)",
                                null,
                                201,
                                DefensePack.class,
                                "id")))
                .POST(
                        DisputeActions.EXPORT.path(),
                        packs::export,
                        tenantScoped(operation(
                                TAG,
                                "exportDefensePack",
                                "Export the pack as a zipped BagIt bag behind a short-lived link " + "(legal_operator)",
                                null,
                                200,
                                ExportAnswer.class,
                                "id")))
                .POST(
                        DisputeActions.SHARE.path(),
                        packs::share,
                        tenantScoped(sharing(
                                TAG,
                                "shareDefensePackWithAuthority",
                                "Share the pack's sealed bundle with an authority " + "(legal_operator)",
                                ShareRequest.class,
                                ShareAnswer.class)))
                .build();
    }
}
