package dev.custos.command;

import static dev.custos.command.CommandRefused.Reason.CONFLICT;
import static dev.custos.command.CommandRefused.Reason.FORBIDDEN;

/**
 * The refusals a client can tell apart without reading their English: each has a stable key (its problem type is
 * {@code /problems/<key>}) and title. The detail may name the object; the key and title never change once published,
 * because clients branch on them. A refusal that needs no telling apart (no such object, a malformed field) has no
 * entry here and is a plain status.
 */
public enum Refusal {
    ALREADY_RELEASED(CONFLICT, "already-released", "The legal hold is already released"),
    HOLD_COVERS_TARGET(CONFLICT, "hold-covers-target", "An active legal hold covers the target"),
    TARGET_ALREADY_HELD(CONFLICT, "target-already-held", "The legal hold already covers the target"),
    TARGET_DESTROYED(CONFLICT, "target-destroyed", "The target was destroyed"),
    ALREADY_RESOLVED(CONFLICT, "already-resolved", "The emergency run is already resolved"),
    SCOPE_ALREADY_HELD(CONFLICT, "scope-already-held", "The scope is already held"),
    ALREADY_REVOKED(CONFLICT, "already-revoked", "Already revoked"),
    GRANT_NOT_ACTIVE(CONFLICT, "grant-not-active", "The grant is not active"),
    NOT_SEALED(CONFLICT, "not-sealed", "Only sealed material is accepted"),
    ALREADY_SEALED(CONFLICT, "already-sealed", "Already sealed"),
    BUNDLE_MEMBER_MISSING(CONFLICT, "bundle-member-missing", "A member of the bundle is no longer there"),
    DUPLICATE_ID(CONFLICT, "duplicate-id", "A resource with this id already exists"),
    DUPLICATE_CLAIM_NUMBER(CONFLICT, "duplicate-claim-number", "The tenant already has a claim with this number"),
    ALREADY_MEMBER(CONFLICT, "already-member", "The individual is already a member"),
    NOT_A_MEMBER(CONFLICT, "not-a-member", "The individual is not a member"),
    ROLE_ALREADY_HELD(CONFLICT, "role-already-held", "The individual already holds this role in this scope"),
    CLIENT_REQUEST_ID_REUSED(CONFLICT, "client-request-id-reused", "The client_request_id is already used"),
    NOTHING_TO_PACK(CONFLICT, "nothing-to-pack", "There is no evidence to pack"),
    NO_RECORD_PACK(CONFLICT, "no-record-pack", "The run has no record pack yet"),
    CIRCLES_DIFFER(CONFLICT, "circles-differ", "The objects belong to different circles"),
    INTEGRITY_FAILURE(CONFLICT, "integrity-failure", "Stored evidence no longer matches its sha256"),
    NOTHING_SIGNED(CONFLICT, "nothing-signed", "The tenant's audit log has no signed head yet"),
    STALE_WRITE(CONFLICT, "stale-write", "The resource kept changing under this request"),
    NOT_TENANT_MEMBER(FORBIDDEN, "not-tenant-member", "The caller is not a member of this tenant"),
    NOT_CIRCLE_MEMBER(FORBIDDEN, "not-circle-member", "The caller is not a member of this circle"),
    NOT_THE_CALLER(FORBIDDEN, "not-the-caller", "x-individual-id is not the authenticated individual"),
    ROLE_REQUIRED(FORBIDDEN, "role-required", "The action requires a role the caller does not hold"),
    OUT_OF_REACH(FORBIDDEN, "out-of-reach", "The caller's role does not reach the object"),
    ADMIN_REQUIRED(FORBIDDEN, "admin-required", "The action requires the custos:admin scope");

    private final CommandRefused.Reason reason;
    private final String key;
    private final String title;

    Refusal(CommandRefused.Reason reason, String key, String title) {
        this.reason = reason;
        this.key = key;
        this.title = title;
    }

    public CommandRefused.Reason reason() {
        return reason;
    }

    /** The last segment of the problem type: lower-case words joined by {@code -}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }
}
