package dev.custos.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Real HS256 JWTs for the tests, signed the way an identity provider would sign them. */
public final class Jwts {

    public static final String SECRET = "custos-integration-test-secret-0123456789abcdef";

    private Jwts() {}

    public static String forIndividual(UUID individualId) {
        return sign(SECRET, individualId.toString(), null, Instant.now().plusSeconds(3600));
    }

    public static String forAdmin(UUID individualId) {
        return sign(
                SECRET, individualId.toString(), "custos:admin", Instant.now().plusSeconds(3600));
    }

    public static String sign(String secret, String subject, String scope, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt));
        if (scope != null) {
            claims.claim("scope", scope);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
