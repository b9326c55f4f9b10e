package dev.custos.api.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.api.security.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signed portal session tokens (HS256 JWTs, audience {@code custos-portal}). The key is
 * {@code CUSTOS_PORTAL_SESSION_SECRET}, or a SHA-256 derived from the HS256 auth secret, which is never the
 * operator key itself: a session token is never an operator token, nor the reverse. Every instance sharing the
 * configuration verifies every other's sessions. With OIDC there is no shared secret to derive from, so the prod
 * profile requires {@code CUSTOS_PORTAL_SESSION_SECRET}.
 */
@Component
public class SessionTokens {

    private static final String AUDIENCE = "custos-portal";
    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    public SessionTokens(PortalProperties portal, AuthProperties auth, Environment environment, Clock clock) {
        this.clock = clock;
        byte[] key = key(portal, auth, environment);
        try {
            // Both are thread-safe; made once, they spare every request a JCA lookup.
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the portal session key is a 256-bit HMAC key", e);
        }
    }

    private static byte[] key(PortalProperties portal, AuthProperties auth, Environment environment) {
        boolean configured =
                portal.sessionSecret() != null && !portal.sessionSecret().isBlank();
        boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        if (configured) {
            return sha256(portal.sessionSecret());
        } else if (!auth.usesIssuer()) {
            // Derived from the HS256 secret: shared by every instance that shares it, never equal to it.
            return sha256("custos-portal-session|" + auth.effectiveSecret());
        } else if (production) {
            throw new IllegalStateException("With CUSTOS_AUTH_ISSUER_URI, the prod profile needs "
                    + "CUSTOS_PORTAL_SESSION_SECRET to sign portal sessions");
        } else {
            log.warn("No CUSTOS_PORTAL_SESSION_SECRET: portal sessions are signed with a key of this process only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
    }

    public String issue(PortalSession session) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(AUDIENCE)
                .subject(session.tokenId().toString())
                .claim("tid", session.tenantId().toString())
                .claim("gid", session.grantId().toString())
                .expirationTime(Date.from(session.expiresAt()))
                .issueTime(Date.from(clock.instant()))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a portal session", e);
        }
        return jwt.serialize();
    }

    /** The session, if the token is ours, unaltered and not expired. */
    public Optional<PortalSession> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant expiresAt = claims.getExpirationTime() == null
                    ? null
                    : claims.getExpirationTime().toInstant();
            if (expiresAt == null
                    || !expiresAt.isAfter(clock.instant())
                    || !claims.getAudience().contains(AUDIENCE)) {
                return Optional.empty();
            }
            return Optional.of(new PortalSession(
                    UUID.fromString(claims.getStringClaim("tid")),
                    UUID.fromString(claims.getStringClaim("gid")),
                    UUID.fromString(claims.getSubject()),
                    expiresAt));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
