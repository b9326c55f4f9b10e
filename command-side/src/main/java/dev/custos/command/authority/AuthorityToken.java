package dev.custos.command.authority;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Refusal;
import dev.custos.events.authority.AccessWindow;
import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityPasscodeFailed;
import dev.custos.events.authority.AuthorityTokenExpired;
import dev.custos.events.authority.AuthorityTokenIssued;
import dev.custos.events.authority.AuthorityTokenRevoked;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One share token. It alone decides session exchanges, one at a time, so {@code max_views} admits exactly that many
 * readers however many arrive together: the aggregate is locked per command, and a second instance that raced
 * loses on the event store's sequence number and retries against the new count.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class AuthorityToken {

    @AggregateIdentifier
    private UUID tokenId;

    private UUID tenantId;
    private UUID grantId;
    private Instant expiresAt;
    private Integer maxViews;
    private int views;
    private boolean revoked;
    private boolean expired;

    /** Answers the token's effective expiry: never past its grant's, nor past the tenant's limit. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Instant handle(IssueAuthorityToken command, Clock clock) {
        require(
                command.tokenId() != null && command.tenantId() != null && command.grantId() != null,
                INVALID,
                "token, tenant and grant ids are required");
        require(
                command.tokenHash() != null && command.tokenHash().matches("[0-9a-f]{64}"),
                INVALID,
                "the token hash must be a SHA-256");
        require(command.grantActive(), Refusal.GRANT_NOT_ACTIVE, "the grant is not active");
        Instant now = clock.instant();
        if (command.requestedExpiresAt() != null) {
            GrantLifetime.requireWithin(command.requestedExpiresAt(), now, command.maxLifetimeDays());
        }
        // Never past the grant, nor past the tenant's limit (which may have been lowered since the grant was made).
        Instant effective = command.requestedExpiresAt() == null
                        || command.requestedExpiresAt().isAfter(command.grantExpiresAt())
                ? command.grantExpiresAt()
                : command.requestedExpiresAt();
        Instant latest = GrantLifetime.latestExpiry(now, command.maxLifetimeDays());
        effective = effective.isAfter(latest) ? latest : effective;
        require(AccessWindow.ahead(effective, now), INVALID, "expires_at must be in the future");
        apply(new AuthorityTokenIssued(
                command.tenantId(),
                command.grantId(),
                command.tokenId(),
                command.tokenHash(),
                effective,
                command.maxViews(),
                command.clientRequestId(),
                now,
                command.requestedBy()));
        return effective;
    }

    @CommandHandler
    void handle(RevokeAuthorityToken command, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such token");
        require(!revoked, Refusal.ALREADY_REVOKED, "the token is already revoked");
        apply(new AuthorityTokenRevoked(
                tenantId,
                grantId,
                tokenId,
                requireText(command.reason(), "reason"),
                clock.instant(),
                command.requestedBy()));
    }

    @CommandHandler
    Exchange handle(ExchangeAuthorityToken command, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such token");
        Instant now = clock.instant();
        Visit visit = command.visit();
        if (revoked || !command.grantActive()) {
            return refuse(revoked ? "revoked" : "grant_inactive", visit, now);
        }
        if (!AccessWindow.ahead(expiresAt, now)) {
            if (!expired) {
                apply(new AuthorityTokenExpired(tenantId, grantId, tokenId, now));
            }
            return refuse("expired", visit, now);
        }
        switch (command.passcode()) {
            case MISSING -> {
                return refuse("passcode_required", visit, now);
            }
            case WRONG -> {
                apply(new AuthorityPasscodeFailed(
                        tenantId, grantId, tokenId, visit.ip(), visit.userAgent(), visit.path(), now));
                return Exchange.refused("passcode_failed", expiresAt);
            }
            default -> {
                // NOT_REQUIRED or CORRECT: on to the view count
            }
        }
        if (maxViews != null && views >= maxViews) {
            return refuse("exhausted", visit, now);
        }
        apply(new AuthorityAccessAllowed(
                tenantId, grantId, tokenId, true, views + 1, visit.ip(), visit.userAgent(), visit.path(), now));
        return Exchange.allowed(expiresAt);
    }

    private Exchange refuse(String reason, Visit visit, Instant now) {
        apply(new AuthorityAccessDenied(
                tenantId, grantId, tokenId, reason, visit.ip(), visit.userAgent(), visit.path(), now));
        return Exchange.refused(reason, expiresAt);
    }

    @EventSourcingHandler
    void on(AuthorityTokenIssued event) {
        tokenId = event.tokenId();
        tenantId = event.tenantId();
        grantId = event.grantId();
        expiresAt = event.expiresAt();
        maxViews = event.maxViews();
    }

    @EventSourcingHandler
    void on(AuthorityAccessAllowed event) {
        if (event.viewCounted()) {
            views = event.viewNumber();
        }
    }

    @EventSourcingHandler
    void on(AuthorityTokenRevoked event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(AuthorityTokenExpired event) {
        expired = true;
    }

    AuthorityToken() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
