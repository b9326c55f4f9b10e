package dev.custos.api.authority;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.custos.api.access.Acting;
import dev.custos.api.access.Action;
import dev.custos.api.access.Idempotent;
import dev.custos.api.access.Idempotent.Asked;
import dev.custos.api.access.OperatorActions;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.authority.AddAuthorityScope;
import dev.custos.events.authority.AccessWindow;
import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.command.authority.CreateAuthorityGrant;
import dev.custos.command.authority.IssueAuthorityToken;
import dev.custos.command.authority.RevokeAuthorityGrant;
import dev.custos.command.authority.RevokeAuthorityToken;
import dev.custos.events.custody.CustodyType;
import dev.custos.query.Timestamps;
import dev.custos.query.access.Located;
import dev.custos.query.access.ObjectKind;
import dev.custos.query.authority.AuthorityReader;
import dev.custos.query.authority.GrantView;
import dev.custos.query.authority.TokenView;
import dev.custos.query.directory.DirectoryReader;
import dev.custos.query.evidence.EvidenceReader;
import dev.custos.query.insurance.ClaimReader;
import dev.custos.query.tenancy.TenantScope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The workflows of sharing, each a few commands of one operator action: create a grant, scope it, issue a token,
 * revoke a grant and its tokens. The grant routes use them, and so will every "share with an authority" action:
 * one sharing service, whichever object is shared. Every command is sent through the {@link Action}, so all of
 * them carry the action's metadata (one audit row per action, however many commands).
 */
@Service
public class GrantService {

    private final OperatorActions gate;
    private final AuthorityReader grants;
    private final EvidenceReader evidence;
    private final DirectoryReader directory;
    private final ClaimReader claims;
    private final Passcodes passcodes;
    private final SharingHolds holds;
    private final String publicBaseUrl;
    private final Clock clock;

    GrantService(OperatorActions gate, AuthorityReader grants, EvidenceReader evidence, DirectoryReader directory,
                 ClaimReader claims, Passcodes passcodes, SharingHolds holds,
                 @Value("${custos.public-base-url}") String publicBaseUrl, Clock clock) {
        this.gate = gate;
        this.grants = grants;
        this.evidence = evidence;
        this.directory = directory;
        this.claims = claims;
        this.passcodes = passcodes;
        this.holds = holds;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Creates a grant in the action's circle; answers it as the listing shows it, from what the command decided. */
    public Mono<GrantView> create(Action<?> action, UUID grantId, CreateGrantRequest body) {
        Acting acting = action.acting();
        boolean requirePasscode = Boolean.TRUE.equals(body.requirePasscode());
        if (requirePasscode != (body.passcode() != null)) {
            return Mono.error(ProblemException.badRequest(
                    "passcode is required exactly when require_passcode is true"));
        }
        Mono<String> hash = requirePasscode ? passcodes.hash(body.passcode()) : Mono.just("");
        return Mono.zip(hash, directory.grantLifetimeDays(acting.scope()))
                .flatMap(hashAndLimit -> action.call(new CreateAuthorityGrant(grantId, acting.tenantId(),
                        acting.circleId(), body.portalId(), body.grantType(), body.title().strip(),
                        body.description(), body.expiresAt(), body.maxViews(), requirePasscode,
                        hashAndLimit.getT1().isEmpty() ? null : hashAndLimit.getT1(), body.allowUnsealed(),
                        body.clientRequestId(), acting.individualId(), hashAndLimit.getT2(), acting.reach()),
                        AuthorityGrantCreated.class))
                .map(GrantService::asCreated);
    }

    /**
     * Lets the grant show one object. The object must be visible, of the grant's circle or tenant-wide, and sealed
     * (unless the grant allows unsealed evidence; the aggregate decides that).
     */
    public Mono<UUID> addScope(Action<?> action, Acting grant, CustodyType scopeType, UUID objectId, String label,
                               String notes) {
        UUID scopeId = UUID.randomUUID();
        return gate.addable(grant, ObjectKind.of(scopeType), objectId)
                .flatMap(located -> sealedState(grant.scope(), scopeType, objectId)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such " + scopeType.key())))
                        .flatMap(sealed -> action.send(new AddAuthorityScope(grant.objectId(), grant.tenantId(),
                                scopeId, scopeType.key(), objectId, sealed, label, notes, located.circleId(),
                                grant.individualId(), grant.reach()))))
                .thenReturn(scopeId);
    }

    /** Issues a token of the grant; the raw token is in the answer and nowhere else. */
    public Mono<IssuedToken> issueToken(Action<?> action, UUID grantId, Instant expiresAt, String clientRequestId) {
        TenantScope scope = action.acting().scope();
        UUID tokenId = UUID.randomUUID();
        String raw = ShareTokens.newToken();
        return grants.grant(scope, grantId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no such grant")))
                .zipWith(directory.grantLifetimeDays(scope))
                .flatMap(grantAndLimit -> action.call(new IssueAuthorityToken(tokenId, action.tenantId(), grantId,
                        ShareTokens.sha256Hex(raw), grantAndLimit.getT1().expiresAt(), expiresAt,
                        grantAndLimit.getT1().maxViews(),
                        AccessWindow.open(grantAndLimit.getT1().status(), grantAndLimit.getT1().expiresAt(),
                                clock.instant()), clientRequestId,
                        action.individualId(), grantAndLimit.getT2()), Instant.class))
                .map(effectiveExpiry -> new IssuedToken(tokenId, raw, publicBaseUrl + "/p/authority#token=" + raw,
                        Timestamps.asStored(effectiveExpiry)));
    }

    /**
     * Shares one object with an authority, in one action: a grant of the action's circle (the object's), a scope
     * of that object, and one token. The share's client_request_id names its token too, so the link is the
     * grant's only one; a repeat answers that grant and token without the link, whose raw token is never shown
     * twice. Nothing is made when an active restrict_sharing hold covers the object.
     */
    public Mono<Object> share(Action<?> action, ShareRequest body, CustodyType scopeType, UUID objectId) {
        Acting acting = action.acting();
        return Idempotent.create(body.clientRequestId(),
                () -> sharedBefore(acting.scope(), body.clientRequestId()), SharedBefore::madeFrom,
                body.asked(acting.circleId(), scopeType.key(), objectId), SharedBefore::answer,
                () -> holds.requireShareable(acting.tenantId(), scopeType.key(), objectId)
                        .then(Mono.defer(() -> newShare(action, body, scopeType, objectId))));
    }

    private Mono<ShareAnswer> newShare(Action<?> action, ShareRequest body, CustodyType scopeType, UUID objectId) {
        UUID grantId = UUID.randomUUID();
        Acting acting = action.acting();
        Acting grant = new Acting(acting.context(), acting.reach(), acting.circleId(), grantId);
        return create(action, grantId, body.asGrant(acting.circleId()))
                .then(Mono.defer(() -> addScope(action, grant, scopeType, objectId, null, null)))
                .then(Mono.defer(() -> issueToken(action, grantId, null, body.clientRequestId())))
                .map(token -> new ShareAnswer(grantId, token.tokenId(), token.shareUrl(), token.expiresAt()));
    }

    /** The grant a share made under this key, its scopes, and the token made under the same key. */
    private Mono<SharedBefore> sharedBefore(TenantScope scope, String clientRequestId) {
        return grants.grantByClientRequest(scope, clientRequestId)
                .flatMap(grant -> Mono.zip(grants.scopeKeys(scope, grant.id()).collectList(),
                        grants.tokenByClientRequest(scope, clientRequestId).map(Optional::of)
                                .defaultIfEmpty(Optional.empty()),
                        (scopes, token) -> new SharedBefore(grant, scopes, token.orElse(null))));
    }

    /** What a share made before; {@code token} is null when none was made under its key. */
    private record SharedBefore(GrantView grant, List<String> scopes, TokenView token) {

        Asked madeFrom() {
            return CreateGrantRequest.madeFrom(grant).and(scopes,
                    token != null && token.grantId().equals(grant.id()));
        }

        ShareAnswer answer() {
            return new ShareAnswer(grant.id(), token.id(), null, token.expiresAt());
        }
    }

    /** Revokes the grant, then each of its tokens, so that the token rows say so too. */
    public Mono<GrantView> revoke(Action<?> action, UUID grantId, String reason) {
        Acting acting = action.acting();
        return action.send(new RevokeAuthorityGrant(grantId, acting.tenantId(), reason, acting.individualId(),
                        acting.reach()))
                .thenMany(Flux.defer(() -> grants.activeTokens(acting.scope(), grantId)))
                .concatMap(token -> action.send(new RevokeAuthorityToken(token.id(), acting.tenantId(),
                        "grant revoked: " + reason, acting.individualId())))
                .then(Mono.defer(() -> grants.grant(acting.scope(), grantId)));
    }

    /** A grant just created, as the listing shows it: active, with no tokens and no access yet. */
    private static GrantView asCreated(AuthorityGrantCreated created) {
        return new GrantView(created.grantId(), created.grantType(), created.title(), created.description(),
                created.circleId(), created.portalId(), "active", Timestamps.asStored(created.createdAt()),
                Timestamps.asStored(created.expiresAt()),
                created.maxViews(), created.requirePasscode(), null, null, 0, 0, null, 0);
    }

    /**
     * Whether the object is sealed, or empty when it does not exist in the tenant (or was destroyed). Each type is
     * decided here, without a default, so that a new custody type cannot be shared before this says how.
     */
    private Mono<Boolean> sealedState(TenantScope scope, CustodyType scopeType, UUID objectId) {
        return switch (scopeType) {
            case EVIDENCE_BUNDLE -> evidence.bundle(scope, objectId).map(bundle -> "sealed".equals(bundle.status()));
            case EVIDENCE_OBJECT -> evidence.evidence(scope, objectId).filter(view -> !view.destroyed())
                    .map(view -> view.sealed());
            // A dossier never changes once assembled, and a claim's fields never change once opened: both are as
            // fixed as a sealed object.
            case CLAIM_DOSSIER -> claims.dossier(scope, objectId).map(dossier -> true);
            case CLAIM -> claims.claim(scope, objectId).map(claim -> true);
            // Not scopable: the catalogue refuses them before this.
            case EMERGENCY_RUN, DISPUTE -> Mono.empty();
        };
    }
}
