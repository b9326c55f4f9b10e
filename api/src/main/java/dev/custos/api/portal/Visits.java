package dev.custos.api.portal;

import dev.custos.command.authority.Visit;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Where a portal request came from, for the access log: address, user agent and path, never credentials. */
@Component
class Visits {

    private static final int MAX_USER_AGENT = 300;

    private final ClientAddress addresses;

    Visits(ClientAddress addresses) {
        this.addresses = addresses;
    }

    Visit of(ServerRequest request) {
        String userAgent = request.headers().firstHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        // The path only: query strings are never logged, and the portal's paths carry ids, not secrets.
        return new Visit(addresses.of(request), userAgent, request.path());
    }
}
