package dev.custos.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The guard rails on token validation that must hold before any request arrives. */
class JwtDecoderConfigurationTest {

    private final JwtDecoderConfiguration configuration = new JwtDecoderConfiguration();

    private Object decoder(AuthProperties auth, MockEnvironment environment) {
        return configuration.jwtDecoder(auth, environment, java.time.Clock.systemUTC());
    }

    @Test
    void anIssuerWithoutAnAudienceIsRefused() {
        assertThatThrownBy(() -> decoder(new AuthProperties("https://issuer.example", null), profile("prod")))
                .hasMessageContaining("CUSTOS_AUTH_AUDIENCE");
    }

    private static MockEnvironment profile(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void theProdProfileRefusesTheDevelopmentSecret() {
        assertThatThrownBy(() -> decoder(new AuthProperties(null, null), profile("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development secret");
        assertThatThrownBy(() -> decoder(new AuthProperties(null, AuthProperties.DEVELOPMENT_SECRET), profile("prod")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProdProfileStartsWithItsOwnSecret() {
        assertThat(decoder(new AuthProperties(null, "a-production-secret-of-at-least-32-bytes!"), profile("prod")))
                .isNotNull();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> decoder(new AuthProperties(null, "too-short"), profile()))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void withoutConfigurationTheDevelopmentSecretIsUsed() {
        assertThat(new AuthProperties(null, null).usesDevelopmentSecret()).isTrue();
        assertThat(new AuthProperties(null, "x".repeat(40)).usesDevelopmentSecret())
                .isFalse();
    }

    /** {@code ./custos token} keeps the one copy outside Java: the service must accept what it prints. */
    @Test
    void theCustosScriptSignsItsTokenWithTheDevelopmentSecret() throws Exception {
        String subject = UUID.randomUUID().toString();
        ProcessBuilder script = new ProcessBuilder("bash", "../custos", "token", "--sub", subject, "--admin");
        script.environment().remove("CUSTOS_AUTH_HS256_SECRET");
        Process process = script.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        ReactiveJwtDecoder decoder = (ReactiveJwtDecoder) decoder(new AuthProperties(null, null), profile());
        Jwt jwt = decoder.decode(token).block();
        assertThat(jwt.getSubject()).isEqualTo(subject);
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("custos:admin");
    }

    /** A token as the decoder reads it, signed with {@code secret}. */
    private Jwt decode(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        ReactiveJwtDecoder decoder = (ReactiveJwtDecoder) decoder(new AuthProperties(null, secret), profile());
        return decoder.decode(jwt.serialize()).block();
    }

    @Test
    void aTokenWithoutIatKeepsNoneAndIsAccepted() throws Exception {
        Jwt jwt = decode(
                "x".repeat(40),
                new JWTClaimsSet.Builder()
                        .subject("00000000-0000-4000-8000-000000000001")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        assertThat(jwt.getIssuedAt()).isNull();
    }
}
