package dev.custos.api.support;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The portal page's own files as the service serves them. */
public final class PortalAssets {

    private PortalAssets() {}

    /**
     * One of the page's scripts, after checking that it is served as JavaScript under the page's security policy;
     * answers its source, for what each test asserts of it.
     */
    public static String script(WebTestClient http, String name) {
        return http.get()
                .uri("/p/authority/assets/" + name)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/javascript")
                .expectHeader()
                .exists("Content-Security-Policy")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
