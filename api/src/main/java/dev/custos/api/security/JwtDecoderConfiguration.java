package dev.custos.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Chooses how bearer tokens are validated, and refuses to run production on the public development secret. */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);
    private static final int MINIMUM_SECRET_BYTES = 32;

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties auth, Environment environment) {
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (production && auth.usesDevelopmentSecret()) {
            throw new IllegalStateException("The prod profile refuses the development secret: set "
                    + "CUSTOS_AUTH_ISSUER_URI or CUSTOS_AUTH_HS256_SECRET");
        }
        NimbusReactiveJwtDecoder decoder;
        if (auth.usesIssuer()) {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(auth.issuerUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(auth.issuerUri()), subjectIsAnIndividual()));
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
                    .macAlgorithm(MacAlgorithm.HS256).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(),
                    subjectIsAnIndividual()));
        }
        return decoder;
    }

    /** {@code sub} is the individual id; a token whose subject is not a UUID identifies no one. */
    private static OAuth2TokenValidator<Jwt> subjectIsAnIndividual() {
        OAuth2Error invalid = new OAuth2Error("invalid_token", "sub must be a UUID", null);
        return jwt -> {
            try {
                UUID.fromString(String.valueOf(jwt.getSubject()));
                return OAuth2TokenValidatorResult.success();
            } catch (IllegalArgumentException e) {
                return OAuth2TokenValidatorResult.failure(invalid);
            }
        };
    }
}
