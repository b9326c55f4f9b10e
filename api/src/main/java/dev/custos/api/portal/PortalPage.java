package dev.custos.api.portal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * The read-only portal page: plain HTML, one script and one stylesheet of our own, nothing from anywhere else. The
 * policy forbids every other source, inline script and framing; the page is never cached, indexed or referred.
 */
@Component
class PortalPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

    private static Mono<ServerResponse> serve(byte[] content, MediaType type) {
        return ServerResponse.ok().contentType(new MediaType(type, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
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
