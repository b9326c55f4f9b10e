package dev.custos.command.authority;

import static dev.custos.command.CommandRefused.Reason.INVALID;
import static dev.custos.command.CommandRefused.Reason.NOT_FOUND;
import static dev.custos.command.Rules.require;
import static dev.custos.command.Rules.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.custos.command.Aggregates;
import dev.custos.command.Reach;
import dev.custos.command.Refusal;
import dev.custos.command.legal.HoldRegistry;
import dev.custos.events.authority.AccessWindow;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.authority.AuthorityGrantExpired;
import dev.custos.events.authority.AuthorityGrantRevoked;
import dev.custos.events.authority.AuthorityScopeAdded;
import dev.custos.events.authority.GrantType;
import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A share: what kind of reader it is for, until when, and which sealed objects it shows. Only sealed material is
 * shared (evidence may be shared unsealed when the grant says {@code allow_unsealed}); a revoked or expired grant
 * takes no new scopes.
 */
@Aggregate(cache = Aggregates.CACHE, lockFactory = Aggregates.LOCKS, snapshotTriggerDefinition = Aggregates.SNAPSHOTS)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class AuthorityGrant {

    @AggregateIdentifier
    private UUID grantId;

    private UUID tenantId;
    private UUID circleId;
    private String status;
    private Instant expiresAt;
    private boolean allowUnsealed;
    private Set<String> scopes = new HashSet<>();

    /**
     * Answers the grant as created, so that the caller's answer needs no read of the projection. The passcode's hash
     * goes to its own table in this command's transaction; the event only says that a passcode is required.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AuthorityGrantCreated handle(CreateAuthorityGrant command, Clock clock, PasscodeHashes passcodes) {
        require(command.grantId() != null && command.tenantId() != null, INVALID, "grant and tenant ids are required");
        command.reach().requireActOn(command.circleId(), "circle");
        require(GrantType.of(command.grantType()).isPresent(), INVALID, "grant_type is not a grant type");
        Instant now = clock.instant();
        require(AccessWindow.ahead(command.expiresAt(), now), INVALID, "expires_at must be in the future");
        GrantLifetime.requireWithin(command.expiresAt(), now, command.maxLifetimeDays());
        require(command.maxViews() == null || command.maxViews() > 0, INVALID, "max_views must be at least 1");
        require(
                command.requirePasscode() == (command.passcodeHash() != null),
                INVALID,
                "a passcode is required exactly when require_passcode is true");
        AuthorityGrantCreated created = new AuthorityGrantCreated(
                command.tenantId(),
                command.grantId(),
                command.circleId(),
                command.portalId(),
                command.grantType(),
                requireText(command.title(), "title"),
                command.description(),
                command.expiresAt(),
                command.maxViews(),
                command.requirePasscode(),
                command.allowUnsealed(),
                command.clientRequestId(),
                now,
                command.requestedBy());
        apply(created);
        if (command.requirePasscode()) {
            passcodes.keep(command.tenantId(), command.grantId(), command.passcodeHash());
        }
        return created;
    }

    /**
     * A share of what a restrict_sharing hold covers is refused here, in the command's transaction and after the
     * tenant's hold lock, so a hold placed at the same moment is either seen or placed after the scope.
     */
    @CommandHandler
    void handle(AddAuthorityScope command, HoldRegistry holds, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such grant");
        command.reach().requireActOn(circleId, "grant");
        require(
                AccessWindow.open(status, expiresAt, clock.instant()),
                Refusal.GRANT_NOT_ACTIVE,
                AccessWindow.lapsed(status, expiresAt, clock.instant())
                        ? "the grant has expired"
                        : "the grant is " + status);
        require(CustodyType.allows(Use.SCOPE, command.scopeType()), INVALID, "scope_type is not a scope type");
        Reach.requireSameCircle(circleId, command.scopeObjectCircleId(), command.scopeType());
        require(
                !scopes.contains(command.scopeType() + ":" + command.scopeObjectId()),
                Refusal.SCOPE_ALREADY_HELD,
                "the grant already has this scope");
        boolean sealedEnough =
                command.objectSealed() || ("evidence_object".equals(command.scopeType()) && allowUnsealed);
        require(sealedEnough, Refusal.NOT_SEALED, "only sealed material can be shared");
        holds.serialize(tenantId);
        holds.requireShareable(tenantId, command.scopeType(), command.scopeObjectId());
        apply(new AuthorityScopeAdded(
                tenantId,
                grantId,
                command.scopeId(),
                command.scopeType(),
                command.scopeObjectId(),
                command.label(),
                command.notes(),
                clock.instant(),
                command.requestedBy()));
    }

    @CommandHandler
    void handle(RevokeAuthorityGrant command, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such grant");
        command.reach().requireActOn(circleId, "grant");
        require(!"revoked".equals(status), Refusal.ALREADY_REVOKED, "the grant is already revoked");
        apply(new AuthorityGrantRevoked(
                tenantId, grantId, requireText(command.reason(), "reason"), clock.instant(), command.requestedBy()));
    }

    @CommandHandler
    void handle(ExpireAuthorityGrant command, Clock clock) {
        require(tenantId.equals(command.tenantId()), NOT_FOUND, "no such grant");
        Instant now = clock.instant();
        if (AccessWindow.lapsed(status, expiresAt, now)) {
            apply(new AuthorityGrantExpired(tenantId, grantId, now));
        }
    }

    @EventSourcingHandler
    void on(AuthorityGrantCreated event) {
        grantId = event.grantId();
        tenantId = event.tenantId();
        circleId = event.circleId();
        status = "active";
        expiresAt = event.expiresAt();
        allowUnsealed = event.allowUnsealed();
    }

    @EventSourcingHandler
    void on(AuthorityScopeAdded event) {
        scopes.add(event.scopeType() + ":" + event.scopeObjectId());
    }

    @EventSourcingHandler
    void on(AuthorityGrantRevoked event) {
        status = "revoked";
    }

    @EventSourcingHandler
    void on(AuthorityGrantExpired event) {
        status = "expired";
    }

    AuthorityGrant() {
        // Required by Axon to rebuild the aggregate from its events.
    }
}
