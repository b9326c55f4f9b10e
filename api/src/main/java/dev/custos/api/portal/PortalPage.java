package dev.custos.api.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.blob.S3Endpoint;
import reactor.core.publisher.Mono;

/**
 * The read-only portal page: plain HTML, one script and one stylesheet of our own, nothing from anywhere else. The
 * policy forbids every other source, inline script and framing; it lets the page fetch only from itself and from the
 * blob store (a signed download, whose SHA-256 the page checks before saving it). The page is never cached, indexed
 * or referred.
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

    private final byte[] html = load("portal/index.html");
    private final byte[] script = load("portal/portal.js");
    private final byte[] style = load("portal/portal.css");

    Mono<ServerResponse> page(ServerRequest request) {
        return serve(html, MediaType.TEXT_HTML);
    }

    Mono<ServerResponse> script(ServerRequest request) {
        return serve(script, MediaType.valueOf("text/javascript"));
    }

    Mono<ServerResponse> style(ServerRequest request) {
        return serve(style, MediaType.valueOf("text/css"));
    }

    private Mono<ServerResponse> serve(byte[] content, MediaType type) {
        return ServerResponse.ok().contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
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
