package dev.custos.api.portal;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The client's address for rate limits and the access log: the socket peer, unless the peer is a trusted proxy,
 * in which case the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. An untrusted
 * peer's {@code X-Forwarded-For} is ignored, so a client cannot pick its own address.
 */
@Component
public class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(PortalProperties properties) {
        this.trustedProxies = properties.trustedProxies() == null
                ? Set.of()
                : Arrays.stream(properties.trustedProxies().split(","))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    public String of(ServerRequest request) {
        String peer = request.remoteAddress()
                .map(InetSocketAddress::getAddress)
                .map(address -> address.getHostAddress())
                .orElse("unknown");
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> forwarded = request.headers().header("X-Forwarded-For").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(forwarded.get(i))) {
                return forwarded.get(i);
            }
        }
        return peer;
    }
}
