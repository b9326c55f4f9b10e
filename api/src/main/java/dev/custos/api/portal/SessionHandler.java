package dev.custos.api.portal;

import dev.custos.api.authority.Passcodes;
import dev.custos.api.authority.ShareTokens;
import dev.custos.api.support.Commands;
import dev.custos.command.authority.Exchange;
import dev.custos.command.authority.ExchangeAuthorityToken;
import dev.custos.command.authority.ExchangeAuthorityToken.Passcode;
import dev.custos.command.authority.ExpireAuthorityGrant;
import dev.custos.command.authority.Visit;
import dev.custos.query.portal.PortalQueries;
import dev.custos.query.portal.TokenLookup;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /p/authority/session}: a raw share token (and passcode) for a 15-minute session. The definer function
 * looks the token up by its hash and reports the grant's state; the passcode is checked here against its argon2id
 * hash, spaced by the token's {@link PasscodeThrottle}; the token aggregate then decides and counts the view.
 * Every refusal is the same 401, counts against the address's {@link FailedExchangeBudget}, and waits out the
 * {@link DenialFloor}.
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
    private final FailedExchangeBudget failures;
    private final PasscodeThrottle throttle;
    private final DenialFloor floor;
    private final AccessLog accessLog;
    private final Clock clock;

    SessionHandler(
            PortalQueries portal,
            Passcodes passcodes,
            Commands commands,
            SessionTokens sessions,
            PortalRateLimiter rateLimiter,
            Visits visits,
            FailedExchangeBudget failures,
            PasscodeThrottle throttle,
            DenialFloor floor,
            AccessLog accessLog,
            Clock clock) {
        this.portal = portal;
        this.passcodes = passcodes;
        this.commands = commands;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.visits = visits;
        this.failures = failures;
        this.throttle = throttle;
        this.floor = floor;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    Mono<ServerResponse> exchange(ServerRequest request) {
        long started = System.nanoTime();
        Visit visit = visits.of(request);
        if (failures.exhausted(visit.ip())) {
            return PortalResponses.rateLimited().flatMap(limited -> floor.hold(started, limited));
        }
        return request.bodyToMono(ExchangeRequest.class)
                .onErrorResume(unreadable -> Mono.empty())
                .filter(ExchangeRequest::plausible)
                .flatMap(body -> {
                    String hash = ShareTokens.sha256Hex(body.token());
                    return portal.lookup(hash)
                            .filter(found -> ShareTokens.sameHash(found.tokenHash(), hash))
                            .flatMap(found -> known(found, body, hash, visit));
                })
                // Unknown tokens and every refusal of a known one count against the address, in memory only.
                .switchIfEmpty(Mono.defer(() -> {
                    failures.failed(visit.ip());
                    return PortalResponses.denied();
                }))
                .flatMap(response ->
                        response.statusCode().is2xxSuccessful() ? Mono.just(response) : floor.hold(started, response));
    }

    /** A token that exists: its own rate limit (a row per address and token, never per guess), then the decision. */
    private Mono<ServerResponse> known(TokenLookup found, ExchangeRequest body, String hash, Visit visit) {
        return rateLimiter
                .tryAcquire(visit.ip(), hash)
                .flatMap(allowed -> allowed ? decide(found, body, visit) : limited(found, visit));
    }

    private Mono<ServerResponse> limited(TokenLookup found, Visit visit) {
        return accessLog
                .record(found.tenantId(), found.grantId(), found.tokenId(), AccessLog.Kind.RATE_LIMITED, null, visit)
                .then(PortalResponses.rateLimited());
    }

    private Mono<ServerResponse> decide(TokenLookup found, ExchangeRequest body, Visit visit) {
        return passcode(found, body.passcode())
                .flatMap(passcode -> commands.call(
                                new ExchangeAuthorityToken(
                                        found.tokenId(),
                                        found.tenantId(),
                                        found.grantActive(clock.instant()),
                                        passcode,
                                        visit),
                                Exchange.class)
                        .flatMap(exchange -> exchange.allowed()
                                ? session(found, exchange)
                                : expireGrantIfDue(found).then(Mono.<ServerResponse>empty())))
                .onErrorResume(Throttled.class, throttled -> limited(found, visit));
    }

    /**
     * The passcode's verdict. A check waits for the token's next throttle slot; a token whose queue is full is
     * refused with 429 without a check.
     */
    private Mono<Passcode> passcode(TokenLookup found, String given) {
        if (!found.requirePasscode()) {
            return Mono.just(Passcode.NOT_REQUIRED);
        }
        if (given == null || given.isEmpty()) {
            return Mono.just(Passcode.MISSING);
        }
        UUID tokenId = found.tokenId();
        return throttle.claim(tokenId)
                .map(wait -> {
                    // Exactly one of verdict or abandonment settles the claim, whatever signals follow.
                    AtomicBoolean settled = new AtomicBoolean();
                    return Mono.delay(wait)
                            .then(passcodes.matches(given, found.passcodeHash()))
                            .doOnNext(ok -> {
                                if (settled.compareAndSet(false, true)) {
                                    if (ok) {
                                        throttle.succeeded(tokenId);
                                    } else {
                                        throttle.failed(tokenId);
                                    }
                                }
                            })
                            .doFinally(signal -> {
                                if (settled.compareAndSet(false, true)) {
                                    throttle.abandoned(tokenId);
                                }
                            })
                            .map(ok -> ok ? Passcode.CORRECT : Passcode.WRONG);
                })
                .orElseGet(() -> Mono.error(new Throttled()));
    }

    /** A passcode attempt refused by the throttle before any check. */
    private static final class Throttled extends RuntimeException {
        Throttled() {
            super("throttled", null, false, false);
        }
    }

    /** Past its expiry, a grant is marked expired on access, as the token marks itself. */
    private Mono<Void> expireGrantIfDue(TokenLookup found) {
        return found.grantLapsed(clock.instant())
                ? commands.send(new ExpireAuthorityGrant(found.grantId(), found.tenantId()))
                : Mono.empty();
    }

    private Mono<ServerResponse> session(TokenLookup found, Exchange exchange) {
        Instant fifteenMinutes = clock.instant().plus(SESSION_LIFETIME);
        Instant expiresAt = exchange.expiresAt().isBefore(fifteenMinutes) ? exchange.expiresAt() : fifteenMinutes;
        String token = sessions.issue(new PortalSession(found.tenantId(), found.grantId(), found.tokenId(), expiresAt));
        return ServerResponse.ok().bodyValue(new SessionResponse(true, token, expiresAt));
    }

    /**
     * The exchange body. Its limits are not field errors: whatever is wrong, the answer is the same 401. Its
     * toString never shows the token or passcode.
     */
    record ExchangeRequest(
            @Size(max = MAX_TOKEN) String token,
            @Size(max = MAX_PASSCODE) String passcode) {

        static final int MAX_TOKEN = 256;
        static final int MAX_PASSCODE = 200;

        boolean plausible() {
            return token != null
                    && !token.isBlank()
                    && token.length() <= MAX_TOKEN
                    && (passcode == null || passcode.length() <= MAX_PASSCODE);
        }

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
