package dev.custos.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_AUTH_ISSUER_URI} with {@code CUSTOS_AUTH_AUDIENCE} (OIDC, production), or
 * {@code CUSTOS_AUTH_HS256_SECRET} (development, tests); {@code CUSTOS_AUTH_CLOCK_SKEW} (default 60 s) is how far
 * {@code iat}, {@code nbf} and {@code exp} may disagree with this clock.
 */
@ConfigurationProperties("custos.auth")
public record AuthProperties(String issuerUri, String hs256Secret, String audience, java.time.Duration clockSkew) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public AuthProperties {}

    public AuthProperties(String issuerUri, String hs256Secret) {
        this(issuerUri, hs256Secret, null, null);
    }

    public java.time.Duration effectiveClockSkew() {
        return clockSkew == null ? TokenPolicy.DEFAULT_CLOCK_SKEW : clockSkew;
    }

    /**
     * Used when neither is configured, so the embedded default runs with no configuration at all. It is public
     * knowledge, which is why the {@code prod} profile refuses to start with it.
     */
    public static final String DEVELOPMENT_SECRET = "custos-development-secret-never-use-in-production";

    public boolean usesIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    public String effectiveSecret() {
        return hs256Secret == null || hs256Secret.isBlank() ? DEVELOPMENT_SECRET : hs256Secret;
    }

    public boolean usesDevelopmentSecret() {
        return !usesIssuer() && DEVELOPMENT_SECRET.equals(effectiveSecret());
    }

    /** The secret stays out of logs and error messages. */
    @Override
    public String toString() {
        return "AuthProperties[issuer=" + issuerUri + ", audience=" + audience + ", hs256="
                + (hs256Secret == null ? "unset" : "set") + "]";
    }
}
