package dev.custos.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * What a bearer token must say to be accepted, in one place: an {@code exp}; {@code iat} and {@code nbf}, both
 * optional, no later than now plus the documented skew (and {@code exp} no earlier than now minus it); a
 * {@code sub} that is a canonical lower-case UUID, so that two spellings cannot alias one individual; the issuer
 * and audience when configured. And how its scopes read: {@code scope} or {@code scp} as a space-separated string
 * or an array of exact strings, anything else ignored.
 */
public final class TokenPolicy {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TokenPolicy() {}

    /**
     * The claims as the token states them. Spring's default conversion makes up an {@code iat} of {@code exp} minus
     * one second for a token without one, which the iat rule would then read as issued in the future: iat is
     * optional (RFC 7519), so a token that has none keeps none.
     */
    static Converter<Map<String, Object>, Map<String, Object>> claims() {
        MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return stated -> {
            Map<String, Object> claims = defaults.convert(stated);
            if (claims != null && !stated.containsKey(JwtClaimNames.IAT)) {
                claims.remove(JwtClaimNames.IAT);
            }
            return claims;
        };
    }

    static OAuth2TokenValidator<Jwt> validator(Clock clock, Duration skew, String issuer, String audience) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(skew);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>(List.of(
                rule("exp is required", jwt -> jwt.getExpiresAt() != null),
                timestamps,
                rule(
                        "iat is in the future",
                        jwt -> jwt.getIssuedAt() == null
                                || !jwt.getIssuedAt().isAfter(Instant.now(clock).plus(skew))),
                rule(
                        "sub must be a canonical lower-case UUID",
                        jwt -> jwt.getSubject() != null
                                && CANONICAL_UUID.matcher(jwt.getSubject()).matches())));
        if (issuer != null) {
            rules.add(new JwtIssuerValidator(issuer));
        }
        if (audience != null) {
            rules.add(rule(
                    "aud does not name this service",
                    jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /** The token's scopes; a claim of any other shape (an object, numbers, a stringified list) grants none. */
    public static Set<String> scopes(Jwt jwt) {
        Set<String> scopes = new java.util.HashSet<>();
        for (String claim : List.of("scope", "scp")) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text) {
                for (String scope : text.split(" ")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (value instanceof Collection<?> items) {
                items.stream()
                        .filter(String.class::isInstance)
                        .map(String.class::cast)
                        .forEach(scopes::add);
            }
        }
        return scopes;
    }

    private static OAuth2TokenValidator<Jwt> rule(String description, java.util.function.Predicate<Jwt> holds) {
        OAuth2Error invalid = new OAuth2Error("invalid_token", description, null);
        return jwt ->
                holds.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(invalid);
    }
}
