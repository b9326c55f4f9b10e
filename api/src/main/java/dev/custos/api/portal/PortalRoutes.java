package dev.custos.api.portal;

import static dev.custos.api.support.ApiDocs.answering;
import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.portalRefusals;
import static dev.custos.api.support.ApiDocs.withNamePath;

import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The public portal (P2.9.5): no account; a share token buys a session, a session reads scoped material. */
@Configuration(proxyBeanMethods = false)
class PortalRoutes {

    private static final String TAG = "portal";

    @Bean
    RouterFunction<ServerResponse> portalRouter(SessionHandler sessions, PortalReadHandler reads, PortalPage page) {
        return SpringdocRouteBuilder.route()
                .GET(
                        "/p/authority",
                        page::page,
                        answering(
                                TAG,
                                "portalPage",
                                "The read-only portal page",
                                null,
                                200,
                                List.of("text/html"),
                                String.class))
                .GET(
                        "/p/authority/assets/{name}",
                        page::asset,
                        withNamePath(
                                answering(
                                        TAG,
                                        "portalAsset",
                                        "One of the page's own scripts or its stylesheet",
                                        null,
                                        200,
                                        List.of("text/javascript", "text/css"),
                                        String.class),
                                "name",
                                "^[a-z0-9-]+\\.(js|css)$"))
                .POST(
                        "/p/authority/session",
                        sessions::exchange,
                        portalRefusals(operation(
                                TAG,
                                "openPortalSession",
                                "Exchange a share token (and passcode) for a 15-minute session",
                                SessionHandler.ExchangeRequest.class,
                                200,
                                SessionHandler.SessionResponse.class)))
                .GET(
                        "/p/authority/index",
                        reads::index,
                        portalRefusals(operation(
                                TAG, "portalIndex", "Everything the share shows", null, 200, PortalViews.Index.class)))
                .GET(
                        "/p/authority/bundles/{id}/manifest",
                        reads::bundleManifest,
                        portalRefusals(operation(
                                TAG,
                                "portalManifest",
                                "A scoped bundle's manifest and its sha256",
                                null,
                                200,
                                PortalViews.Manifest.class,
                                "id")))
                .GET(
                        "/p/authority/dossiers/{id}",
                        reads::dossier,
                        portalRefusals(operation(
                                TAG,
                                "portalDossier",
                                "A scoped claim dossier and its sha256",
                                null,
                                200,
                                PortalViews.Dossier.class,
                                "id")))
                .GET(
                        "/p/authority/evidence/{id}",
                        reads::evidence,
                        portalRefusals(operation(
                                TAG,
                                "portalEvidence",
                                "An in-scope evidence summary",
                                null,
                                200,
                                PortalViews.Evidence.class,
                                "id")))
                .POST(
                        "/p/authority/evidence/{id}/download",
                        reads::download,
                        portalRefusals(operation(
                                TAG,
                                "portalDownload",
                                "A 60-second signed download link for in-scope evidence",
                                null,
                                200,
                                PortalViews.Download.class,
                                "id")))
                .filter(noStoreNoIndex())
                .build();
    }

    /** Nothing the portal answers may be cached, indexed or leak a referrer. */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> noStoreNoIndex() {
        return (request, next) -> {
            var headers = request.exchange().getResponse().getHeaders();
            headers.set("Cache-Control", "no-store");
            headers.set("X-Robots-Tag", "noindex, nofollow");
            headers.set("Referrer-Policy", "no-referrer");
            return next.handle(request);
        };
    }
}
