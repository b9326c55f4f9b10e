package dev.custos.api.authority;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.NoBody;
import dev.custos.api.access.RequiredRole;
import dev.custos.query.access.ObjectKind;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Grant management (any operator of the tenant), as the operator-action pipeline runs it. These routes are not under
 * {@code /api/operator/}, so the contract keeps them out of the operator audit log: the grant's and token's own
 * events are their record, and the share actions of the operator surface are audited.
 */
final class AuthorityActions {

    private static final RequiredRole ANY = RequiredRole.ANY_OPERATOR;

    /** The grant belongs to the circle the body names, else to the request's circle, else to the whole tenant. */
    static final ActionSpec<CreateGrantRequest> CREATE_GRANT = ActionSpec.post("/api/authority/grants", ANY)
            .body(CreateGrantRequest.class)
            .creating();

    static final ActionSpec<NoBody> LIST_GRANTS = ActionSpec.get("/api/authority/grants", ANY);

    static final ActionSpec<AddScopeRequest> ADD_SCOPE = ActionSpec.post("/api/authority/grants/{id}/scopes", ANY)
            .on(ObjectKind.AUTHORITY_GRANT)
            .body(AddScopeRequest.class)
            .answers(HttpStatus.CREATED);

    static final ActionSpec<IssueTokenRequest> ISSUE_TOKEN = ActionSpec.post("/api/authority/grants/{id}/tokens", ANY)
            .on(ObjectKind.AUTHORITY_GRANT)
            .optionalBody(IssueTokenRequest.class, new IssueTokenRequest(null, null))
            .answers(HttpStatus.CREATED);

    static final ActionSpec<RevokeRequest> REVOKE_GRANT = ActionSpec.post("/api/authority/grants/{id}/revoke", ANY)
            .on(ObjectKind.AUTHORITY_GRANT)
            .body(RevokeRequest.class);

    static final ActionSpec<NoBody> GRANT_EVENTS =
            ActionSpec.get("/api/authority/grants/{id}/events", ANY).on(ObjectKind.AUTHORITY_GRANT);

    /** A token belongs to its grant's circle. */
    static final ActionSpec<RevokeRequest> REVOKE_TOKEN = ActionSpec.post("/api/authority/tokens/{id}/revoke", ANY)
            .on(ObjectKind.AUTHORITY_TOKEN)
            .body(RevokeRequest.class);

    static final List<ActionSpec<?>> ALL =
            List.of(CREATE_GRANT, LIST_GRANTS, ADD_SCOPE, ISSUE_TOKEN, REVOKE_GRANT, GRANT_EVENTS, REVOKE_TOKEN);

    private AuthorityActions() {}
}
