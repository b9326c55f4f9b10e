package dev.custos.api.authority;

import dev.custos.api.access.Acting;
import dev.custos.api.access.Action;
import dev.custos.api.access.Idempotent;
import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.CommandTransaction;
import dev.custos.command.authority.AddAuthorityScope;
import dev.custos.command.authority.CreateAuthorityGrant;
import dev.custos.command.authority.IssueAuthorityToken;
import dev.custos.command.authority.RevokeAuthorityGrant;
import dev.custos.command.authority.RevokeAuthorityToken;
import dev.custos.events.authority.AccessWindow;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.Timestamps;
import dev.custos.query.access.Located;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.authority.CommittedSharing;
import dev.custos.query.authority.CommittedSharing.GrantTerms;
import dev.custos.query.authority.GrantView;
import dev.custos.query.authority.TokenView;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The workflows of sharing: create a grant, scope it, issue a token, share one object (all three), revoke a grant
 * and its tokens. The grant routes use them, and so does every "share with an authority" action: one sharing
 * service, whichever object is shared. Each workflow is one unit of work of its {@link Action}: its commands, and
 * the reads their outcome depends on, run in one transaction and commit together or not at all (a share refused at
 * its scope leaves no grant behind), and all carry the action's metadata (one audit row per action).
 *
 * <p>What is read before the transaction is only what decides whether the caller may act (the object's circle
 * through the gate) or what no command races (the tenant's lifetime setting, a passcode's hash).
 */
@Service
public class GrantService {

    /** What a new grant is made with, prepared before its transaction: a passcode's hash, the lifetime limit. */
    private record NewGrant(String passcodeHash, int lifetimeDays) {}

    private final OperatorActions gate;
    private final AuthorityReader grants;
    private final CommittedSharing committed;
    private final DirectoryReader directory;
    private final Passcodes passcodes;
    private final String publicBaseUrl;
    private final Clock clock;

    GrantService(
            OperatorActions gate,
            AuthorityReader grants,
            CommittedSharing committed,
            DirectoryReader directory,
            Passcodes passcodes,
            @Value("${custos.public-base-url}") String publicBaseUrl,
            Clock clock) {
        this.gate = gate;
        this.grants = grants;
        this.committed = committed;
        this.directory = directory;
        this.passcodes = passcodes;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Creates a grant in the action's circle; answers it as the listing shows it, from what the command decided. */
    public Mono<GrantView> create(Action<?> action, UUID grantId, CreateGrantRequest body) {
        return newGrant(action, body)
                .flatMap(prepared -> action.atomically(steps -> createGrant(steps, action, grantId, body, prepared)))
                .map(GrantService::asCreated);
    }

    /**
     * Lets the grant show one object. The object must be visible, of the grant's circle or tenant-wide, and sealed
     * (unless the grant allows unsealed evidence; the aggregate decides that).
     */
    public Mono<UUID> addScope(
            Action<?> action, Acting grant, CustodyType scopeType, UUID objectId, String label, String notes) {
        return located(grant, scopeType, objectId)
                .flatMap(located ->
                        action.atomically(steps -> scope(steps, grant, scopeType, objectId, located, label, notes)));
    }

    /** Issues a token of the grant; the raw token is in the answer and nowhere else. */
    public Mono<IssuedToken> issueToken(Action<?> action, UUID grantId, Instant expiresAt, String clientRequestId) {
        return directory
                .grantLifetimeDays(action.acting().scope())
                .flatMap(lifetimeDays -> action.atomically(steps -> token(
                        steps,
                        action,
                        grantId,
                        committed
                                .grant(action.tenantId(), grantId)
                                .orElseThrow(() -> ProblemException.notFound("no such grant")),
                        expiresAt,
                        clientRequestId,
                        lifetimeDays)));
    }

    /**
     * Shares one object with an authority, in one action: a grant of the action's circle (the object's), a scope
     * of that object, and one token. The share's client_request_id names its token too, so the link is the
     * grant's only one; a repeat answers that grant and token without the link, whose raw token is never shown
     * twice. Nothing is made when an active restrict_sharing hold covers the object: the scope is refused, and
     * the grant made before it in the same transaction goes with it.
     */
    public Mono<Object> share(Action<?> action, ShareRequest body, CustodyType scopeType, UUID objectId) {
        Acting acting = action.acting();
        return Idempotent.create(
                body.clientRequestId(),
                () -> sharedBefore(acting.scope(), body.clientRequestId()),
                SharedBefore::madeFrom,
                body.asked(acting.circleId(), scopeType.key(), objectId),
                SharedBefore::answer,
                () -> newShare(action, body, scopeType, objectId));
    }

    private Mono<ShareAnswer> newShare(Action<?> action, ShareRequest body, CustodyType scopeType, UUID objectId) {
        UUID grantId = UUID.randomUUID();
        Acting acting = action.acting();
        Acting grant = new Acting(acting.context(), acting.reach(), acting.circleId(), grantId);
        CreateGrantRequest asGrant = body.asGrant(acting.circleId());
        return Mono.zip(newGrant(action, asGrant), located(grant, scopeType, objectId))
                .flatMap(prepared -> action.atomically(steps -> {
                    AuthorityGrantCreated created = createGrant(steps, action, grantId, asGrant, prepared.getT1());
                    scope(steps, grant, scopeType, objectId, prepared.getT2(), null, null);
                    IssuedToken token = token(
                            steps,
                            action,
                            grantId,
                            new GrantTerms("active", created.expiresAt(), created.maxViews()),
                            null,
                            body.clientRequestId(),
                            prepared.getT1().lifetimeDays());
                    return new ShareAnswer(grantId, token.tokenId(), token.shareUrl(), token.expiresAt());
                }));
    }

    /** Revokes the grant, then each of its tokens, so that the token rows say so too; answers the revoked grant. */
    public Mono<GrantView> revoke(Action<?> action, UUID grantId, String reason) {
        Acting acting = action.acting();
        return action.atomically(steps -> {
                    steps.send(new RevokeAuthorityGrant(
                            grantId, acting.tenantId(), reason, acting.individualId(), acting.reach()));
                    committed
                            .activeTokens(acting.tenantId(), grantId)
                            .forEach(tokenId -> steps.send(new RevokeAuthorityToken(
                                    tokenId, acting.tenantId(), "grant revoked: " + reason, acting.individualId())));
                    return grantId;
                })
                .then(Mono.defer(() -> grants.grant(acting.scope(), grantId)));
    }

    private Mono<NewGrant> newGrant(Action<?> action, CreateGrantRequest body) {
        boolean requirePasscode = Boolean.TRUE.equals(body.requirePasscode());
        if (requirePasscode != (body.passcode() != null)) {
            return Mono.error(
                    ProblemException.badRequest("passcode is required exactly when require_passcode is true"));
        }
        Mono<String> hash = requirePasscode ? passcodes.hash(body.passcode()) : Mono.just("");
        return Mono.zip(hash, directory.grantLifetimeDays(action.acting().scope()), NewGrant::new);
    }

    /** The object a scope would show, where the caller may add it: visible, and of the grant's circle or none. */
    private Mono<Located> located(Acting grant, CustodyType scopeType, UUID objectId) {
        return gate.addable(grant, ObjectKind.of(scopeType), objectId);
    }

    private AuthorityGrantCreated createGrant(
            CommandTransaction steps, Action<?> action, UUID grantId, CreateGrantRequest body, NewGrant prepared) {
        Acting acting = action.acting();
        return steps.call(
                new CreateAuthorityGrant(
                        grantId,
                        acting.tenantId(),
                        acting.circleId(),
                        body.portalId(),
                        body.grantType(),
                        body.title().strip(),
                        body.description(),
                        body.expiresAt(),
                        body.maxViews(),
                        Boolean.TRUE.equals(body.requirePasscode()),
                        prepared.passcodeHash().isEmpty() ? null : prepared.passcodeHash(),
                        body.allowUnsealed(),
                        body.clientRequestId(),
                        acting.individualId(),
                        prepared.lifetimeDays(),
                        acting.reach()),
                AuthorityGrantCreated.class);
    }

    private UUID scope(
            CommandTransaction steps,
            Acting grant,
            CustodyType scopeType,
            UUID objectId,
            Located located,
            String label,
            String notes) {
        boolean objectSealed = committed
                .sealed(grant.tenantId(), scopeType, objectId)
                .orElseThrow(() -> ProblemException.notFound("no such " + scopeType.key()));
        UUID scopeId = UUID.randomUUID();
        steps.send(new AddAuthorityScope(
                grant.objectId(),
                grant.tenantId(),
                scopeId,
                scopeType.key(),
                objectId,
                objectSealed,
                label,
                notes,
                located.circleId(),
                grant.individualId(),
                grant.reach()));
        return scopeId;
    }

    private IssuedToken token(
            CommandTransaction steps,
            Action<?> action,
            UUID grantId,
            GrantTerms grant,
            Instant expiresAt,
            String clientRequestId,
            int lifetimeDays) {
        UUID tokenId = UUID.randomUUID();
        String raw = ShareTokens.newToken();
        Instant effectiveExpiry = steps.call(
                new IssueAuthorityToken(
                        tokenId,
                        action.tenantId(),
                        grantId,
                        ShareTokens.sha256Hex(raw),
                        grant.expiresAt(),
                        expiresAt,
                        grant.maxViews(),
                        AccessWindow.open(grant.status(), grant.expiresAt(), clock.instant()),
                        clientRequestId,
                        action.individualId(),
                        lifetimeDays),
                Instant.class);
        return new IssuedToken(
                tokenId, raw, publicBaseUrl + "/p/authority#token=" + raw, Timestamps.asStored(effectiveExpiry));
    }

    /** The grant a share made under this key, its scopes, and the token made under the same key. */
    private Mono<SharedBefore> sharedBefore(TenantScope scope, String clientRequestId) {
        return grants.grantByClientRequest(scope, clientRequestId)
                .flatMap(grant -> Mono.zip(
                        grants.scopeKeys(scope, grant.id()).collectList(),
                        grants.tokenByClientRequest(scope, clientRequestId)
                                .map(Optional::of)
                                .defaultIfEmpty(Optional.empty()),
                        (scopes, token) -> new SharedBefore(grant, scopes, token.orElse(null))));
    }

    /** What a share made before; {@code token} is null when none was made under its key. */
    private record SharedBefore(GrantView grant, List<String> scopes, TokenView token) {

        Asked madeFrom() {
            return CreateGrantRequest.madeFrom(grant)
                    .and(scopes, token != null && token.grantId().equals(grant.id()));
        }

        ShareAnswer answer() {
            return new ShareAnswer(grant.id(), token.id(), null, token.expiresAt());
        }
    }

    /** A grant just created, as the listing shows it: active, with no tokens and no access yet. */
    private static GrantView asCreated(AuthorityGrantCreated created) {
        return new GrantView(
                created.grantId(),
                created.grantType(),
                created.title(),
                created.description(),
                created.circleId(),
                created.portalId(),
                "active",
                Timestamps.asStored(created.createdAt()),
                Timestamps.asStored(created.expiresAt()),
                created.maxViews(),
                created.requirePasscode(),
                null,
                null,
                0,
                0,
                null,
                0);
    }
}
