package dev.custos.api.portal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.authority.Passcodes;
import dev.custos.api.authority.ShareTokens;
import dev.custos.api.support.Commands;
import dev.custos.command.authority.Exchange;
import dev.custos.command.authority.ExchangeAuthorityToken;
import dev.custos.command.authority.ExchangeAuthorityToken.Passcode;
import dev.custos.command.authority.ExpireAuthorityGrant;
import dev.custos.command.authority.RecordPortalAccess;
import dev.custos.query.portal.PortalQueries;
import dev.custos.query.portal.TokenLookup;
import reactor.core.publisher.Mono;

/**
 * {@code POST /p/authority/session}: a raw share token (and passcode) for a 15-minute session. The definer function
 * looks the token up by its hash and reports the grant's state; the passcode is checked here against its argon2id
 * hash; the token aggregate then decides and counts the view. Every refusal is the same 401.
 */
@Component
class SessionHandler {

    static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);

    private final PortalQueries portal;
    private final Passcodes passcodes;
    private final Commands commands;
    private final SessionTokens sessions;
    private final PortalRateLimiter rateLimiter;
    private final Visits visits;

    SessionHandler(PortalQueries portal, Passcodes passcodes, Commands commands, SessionTokens sessions,
                   PortalRateLimiter rateLimiter, Visits visits) {
        this.portal = portal;
        this.passcodes = passcodes;
        this.commands = commands;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.visits = visits;
    }

    Mono<ServerResponse> exchange(ServerRequest request) {
        var visit = visits.of(request);
        return request.bodyToMono(ExchangeRequest.class)
                .onErrorResume(unreadable -> Mono.empty())
                .filter(body -> body.token() != null && !body.token().isBlank() && body.token().length() <= 256)
                .flatMap(body -> {
                    String hash = ShareTokens.sha256Hex(body.token());
                    return rateLimiter.tryAcquire(visit.ip(), hash).flatMap(allowed -> allowed
                            ? decide(body, hash, visit)
                            : portal.lookup(hash)
                                    .flatMap(found -> commands.send(new RecordPortalAccess(found.tokenId(),
                                            found.tenantId(), RecordPortalAccess.Kind.RATE_LIMITED, null, visit)))
                                    .then(PortalResponses.rateLimited()));
                })
                .switchIfEmpty(Mono.defer(PortalResponses::denied));
    }

    private Mono<ServerResponse> decide(ExchangeRequest body, String hash, dev.custos.command.authority.Visit visit) {
        return portal.lookup(hash)
                .filter(found -> ShareTokens.sameHash(found.tokenHash(), hash))
                .flatMap(found -> passcode(found, body.passcode())
                        .flatMap(passcode -> commands.call(new ExchangeAuthorityToken(found.tokenId(),
                                found.tenantId(), found.grantActive(), passcode, visit), Exchange.class))
                        .flatMap(exchange -> exchange.allowed() ? session(found, exchange)
                                : expireGrantIfDue(found).then(Mono.<ServerResponse>empty())));
    }

    private Mono<Passcode> passcode(TokenLookup found, String given) {
        if (!found.requirePasscode()) {
            return Mono.just(Passcode.NOT_REQUIRED);
        }
        if (given == null || given.isEmpty()) {
            return Mono.just(Passcode.MISSING);
        }
        return passcodes.matches(given, found.passcodeHash()).map(ok -> ok ? Passcode.CORRECT : Passcode.WRONG);
    }

    /** Past its expiry, a grant is marked expired on access, as the token marks itself. */
    private Mono<Void> expireGrantIfDue(TokenLookup found) {
        return "active".equals(found.grantStatus()) && !found.grantExpiresAt().isAfter(Instant.now())
                ? commands.send(new ExpireAuthorityGrant(found.grantId(), found.tenantId()))
                : Mono.empty();
    }

    private Mono<ServerResponse> session(TokenLookup found, Exchange exchange) {
        Instant fifteenMinutes = Instant.now().plus(SESSION_LIFETIME);
        Instant expiresAt = exchange.expiresAt().isBefore(fifteenMinutes) ? exchange.expiresAt() : fifteenMinutes;
        String token = sessions.issue(new PortalSession(found.tenantId(), found.grantId(), found.tokenId(), expiresAt));
        return ServerResponse.ok().bodyValue(new SessionResponse(true, token, expiresAt));
    }

    /** The exchange body. Its toString never shows the token or passcode. */
    record ExchangeRequest(String token, String passcode) {
        @Override
        public String toString() {
            return "ExchangeRequest[redacted]";
        }
    }

    /** A granted session. */
    record SessionResponse(boolean ok, String sessionToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "SessionResponse[expiresAt=" + expiresAt + "]";
        }
    }
}
