package dev.custos.api.portal;

import dev.custos.api.blob.S3Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The read-only portal page: plain HTML, scripts and a stylesheet of our own, and one vendored library (an Ed25519
 * verifier, loaded only by a browser whose WebCrypto lacks Ed25519), nothing from anywhere else. The policy forbids
 * every other source, inline script and framing; it lets the page fetch only from itself and from the blob store (a
 * signed download, whose SHA-256 the page checks before saving it). The page is never cached, indexed or referred.
 */
@Component
class PortalPage {

    /** The policy, with the blob store's origin where the page may fetch a signed download to check it. */
    static String contentSecurityPolicy(String blobOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' " + blobOrigin
                + "; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private final String contentSecurityPolicy;

    PortalPage(S3Endpoint blobs) {
        URI endpoint = URI.create(blobs.endpoint());
        this.contentSecurityPolicy = contentSecurityPolicy(endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()));
    }

    private static final MediaType SCRIPT = MediaType.valueOf("text/javascript");

    private final byte[] html = load("portal/index.html");

    /** The page's own files, and nothing else: a name not listed here is the portal's plain 404. */
    private final Map<String, Asset> assets = Map.of(
            "portal.css", new Asset(load("portal/portal.css"), MediaType.valueOf("text/css")),
            "format.js", new Asset(load("portal/format.js"), SCRIPT),
            "sha256.js", new Asset(load("portal/sha256.js"), SCRIPT),
            "portal-view.js", new Asset(load("portal/portal-view.js"), SCRIPT),
            "portal.js", new Asset(load("portal/portal.js"), SCRIPT),
            "jcs.js", new Asset(load("portal/jcs.js"), SCRIPT),
            "receipt.js", new Asset(load("portal/receipt.js"), SCRIPT),
            "noble-ed25519.js", new Asset(load("portal/vendor/noble-ed25519.js"), SCRIPT));

    private record Asset(byte[] content, MediaType type) {}

    Mono<ServerResponse> page(ServerRequest request) {
        return serve(html, MediaType.TEXT_HTML);
    }

    Mono<ServerResponse> asset(ServerRequest request) {
        Asset asset = assets.get(request.pathVariable("name"));
        return asset == null ? PortalResponses.notFound() : serve(asset.content(), asset.type());
    }

    private Mono<ServerResponse> serve(byte[] content, MediaType type) {
        return ServerResponse.ok()
                .contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", contentSecurityPolicy)
                .bodyValue(content);
    }

    private static byte[] load(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the portal page is missing from the build: " + path, e);
        }
    }
}
