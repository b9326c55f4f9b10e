package dev.custos.api.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_PORTAL_SESSION_SECRET} signs portal sessions (derived from the auth secret when unset);
 * {@code CUSTOS_TRUSTED_PROXIES} lists the proxy addresses whose {@code X-Forwarded-For} is believed;
 * {@code CUSTOS_PORTAL_REQUESTS_PER_MINUTE} is the rate limit per client address and token (30).
 */
@ConfigurationProperties("custos.portal")
public record PortalProperties(String sessionSecret, String trustedProxies, Integer requestsPerMinute) {

    public int limitPerMinute() {
        return requestsPerMinute == null ? 30 : requestsPerMinute;
    }

    @Override
    public String toString() {
        return "PortalProperties[trustedProxies=" + trustedProxies + "]";
    }
}
