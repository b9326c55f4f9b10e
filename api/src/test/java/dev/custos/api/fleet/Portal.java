package dev.custos.api.fleet;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public portal as a reader's browser calls it, behind a load balancer on this host that names the reader's
 * address in {@code X-Forwarded-For} (the fleet trusts 127.0.0.1 as that proxy). Addresses come from the IPv6
 * documentation prefix, so a test can give each reader its own rate-limit key, or share one on purpose.
 */
final class Portal {

    private static final AtomicLong ADDRESSES = new AtomicLong();

    private Portal() {}

    /** A reader address never handed out before in this JVM. */
    static String newClientAddress() {
        return "2001:db8::" + Long.toHexString(ADDRESSES.incrementAndGet());
    }

    static Answer exchange(FleetHttp http, ServiceInstance at, String token, String clientAddress) {
        return http.postJson(
                at.uri("/p/authority/session"), Map.of("X-Forwarded-For", clientAddress), Map.of("token", token));
    }

    static Answer index(FleetHttp http, ServiceInstance at, String session, String clientAddress) {
        return http.get(
                at.uri("/p/authority/index"),
                Map.of("Authorization", "Bearer " + session, "X-Forwarded-For", clientAddress));
    }
}
