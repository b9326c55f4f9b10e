package dev.custos.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Chooses how bearer tokens are validated, and refuses to run production on the public development secret. */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);
    private static final int MINIMUM_SECRET_BYTES = 32;

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties auth, Environment environment, Clock clock) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (production && auth.usesDevelopmentSecret()) {
            throw new IllegalStateException("The prod profile refuses the development secret: set "
                    + "CUSTOS_AUTH_ISSUER_URI or CUSTOS_AUTH_HS256_SECRET");
        }
        NimbusReactiveJwtDecoder decoder;
        if (auth.usesIssuer()) {
            if (auth.audience() == null || auth.audience().isBlank()) {
                throw new IllegalStateException("CUSTOS_AUTH_AUDIENCE is required with CUSTOS_AUTH_ISSUER_URI: "
                        + "a token the issuer made for another service must not open this one");
            }
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(auth.issuerUri())
                    .build();
            decoder.setJwtValidator(
                    TokenPolicy.validator(clock, auth.effectiveClockSkew(), auth.issuerUri(), auth.audience()));
        } else {
            byte[] secret = auth.effectiveSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MINIMUM_SECRET_BYTES) {
                throw new IllegalStateException("CUSTOS_AUTH_HS256_SECRET must be at least 32 bytes");
            }
            if (auth.usesDevelopmentSecret()) {
                log.warn("Authentication uses the public DEVELOPMENT secret. Anyone can mint tokens for this "
                        + "instance. Print one with: ./custos token --sub <uuid> [--admin]");
            }
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            decoder.setJwtValidator(TokenPolicy.validator(
                    clock,
                    auth.effectiveClockSkew(),
                    null,
                    auth.audience() == null || auth.audience().isBlank() ? null : auth.audience()));
        }
        decoder.setClaimSetConverter(TokenPolicy.claims());
        return decoder;
    }
}
