package dev.custos.api.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.custos.api.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token policy against a real OIDC server (RS256, discovery, JWKS): tokens from it open the service; tokens
 * from another issuer, for another audience, or signed with a key it has rotated away do not.
 */
class OidcTokenPolicyIT extends IntegrationTest {

    private static final String ISSUER = "custos-idp";
    private static final String AUDIENCE = "custos-api";
    private static final RotatingKeys KEYS = new RotatingKeys();
    private static final MockOAuth2Server IDP = new MockOAuth2Server(
            new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(KEYS, (java.time.Instant) null)));

    static {
        IDP.start(0);
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("custos.auth.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
        registry.add("custos.auth.audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    private String token(String issuer, String audience, UUID subject, List<String> scopes) {
        return IDP.issueToken(
                        issuer, subject.toString(), audience, scopes.isEmpty() ? Map.of() : Map.of("scp", scopes), 600)
                .serialize();
    }

    private int createTenantWith(String token) {
        return http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "OIDC tenant", "first_operator_individual_id", UUID.randomUUID()))
                .exchange()
                .expectBody()
                .returnResult()
                .getStatus()
                .value();
    }

    @Test
    void aTokenFromTheIssuerForThisAudienceIsAccepted() {
        org.assertj.core.api.Assertions.assertThat(
                        createTenantWith(token(ISSUER, AUDIENCE, UUID.randomUUID(), List.of("custos:admin"))))
                .isEqualTo(201);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        org.assertj.core.api.Assertions.assertThat(
                        createTenantWith(token(ISSUER, "another-service", UUID.randomUUID(), List.of("custos:admin"))))
                .isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        // The same server and keys, another issuer path: the discovery document names a different issuer.
        org.assertj.core.api.Assertions.assertThat(
                        createTenantWith(token("another-idp", AUDIENCE, UUID.randomUUID(), List.of("custos:admin"))))
                .isEqualTo(401);
    }

    @Test
    void afterRotationTheNewKeyOpensAndTheOldKeyNoLonger() {
        String signedWithOldKey = token(ISSUER, AUDIENCE, UUID.randomUUID(), List.of("custos:admin"));
        org.assertj.core.api.Assertions.assertThat(createTenantWith(signedWithOldKey))
                .isEqualTo(201);
        KEYS.rotate();
        String signedWithNewKey = token(ISSUER, AUDIENCE, UUID.randomUUID(), List.of("custos:admin"));
        org.assertj.core.api.Assertions.assertThat(createTenantWith(signedWithNewKey))
                .isEqualTo(201);
        org.assertj.core.api.Assertions.assertThat(createTenantWith(signedWithOldKey))
                .isEqualTo(401);
    }

    /** One signing key for every issuer id, replaced on {@link #rotate()}; the JWKS then lists only the new one. */
    static final class RotatingKeys extends KeyProvider {

        private final AtomicReference<RSAKey> current = new AtomicReference<>(generate());

        RotatingKeys() {
            super(List.of());
        }

        void rotate() {
            current.set(generate());
        }

        @Override
        public JWK signingKey(String issuerId) {
            return current.get();
        }

        private static RSAKey generate() {
            try {
                return new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
