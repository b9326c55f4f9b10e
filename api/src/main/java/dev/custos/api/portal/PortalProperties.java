package dev.custos.api.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_PORTAL_SESSION_SECRET} signs portal sessions (derived from the auth secret when unset);
 * {@code CUSTOS_TRUSTED_PROXIES} lists the proxy addresses whose {@code X-Forwarded-For} is believed;
 * {@code CUSTOS_PORTAL_REQUESTS_PER_MINUTE} is the rate limit per client address and token (30);
 * {@code CUSTOS_PORTAL_FAILED_EXCHANGES_PER_MINUTE} the failed exchanges one address may make across all tokens
 * (100); {@code CUSTOS_PORTAL_DENIAL_FLOOR} the least time a refused exchange takes (250 ms).
 */
@ConfigurationProperties("custos.portal")
public record PortalProperties(
        String sessionSecret,
        String trustedProxies,
        Integer requestsPerMinute,
        Integer failedExchangesPerMinute,
        java.time.Duration denialFloor) {

    public int limitPerMinute() {
        return requestsPerMinute == null ? 30 : requestsPerMinute;
    }

    public int failedExchangeBudgetPerMinute() {
        return failedExchangesPerMinute == null ? 100 : failedExchangesPerMinute;
    }

    public java.time.Duration effectiveDenialFloor() {
        return denialFloor == null ? java.time.Duration.ofMillis(250) : denialFloor;
    }

    @Override
    public String toString() {
        return "PortalProperties[trustedProxies=" + trustedProxies + "]";
    }
}
