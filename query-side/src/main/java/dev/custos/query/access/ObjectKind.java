package dev.custos.query.access;

import java.util.Arrays;
import java.util.Optional;

import dev.custos.events.custody.CustodyType;

/**
 * Every kind of object an operator action can target, with the query that finds its circle. Each query runs under
 * the reader's row-level security, so an object in a circle the caller is not a member of is simply not found:
 * visibility is decided by the database, in one place ({@code custos_circle_visible}).
 */
public enum ObjectKind {

    LEGAL_HOLD("legal_hold", "legal hold", "SELECT circle_id FROM cc_legal_holds WHERE id = $1"),
    AUTHORITY_GRANT("authority_grant", "grant", "SELECT circle_id FROM cc_authority_access_grants WHERE id = $1"),
    /** A token belongs to its grant's circle; the join hides tokens of grants the caller cannot see. */
    AUTHORITY_TOKEN("authority_token", "token", "SELECT g.circle_id FROM cc_authority_access_tokens t "
            + "JOIN cc_authority_access_grants g ON g.id = t.grant_id WHERE t.id = $1"),
    ROLE_ASSIGNMENT("role_assignment", "role assignment",
            "SELECT circle_id FROM cc_operator_role_assignments WHERE id = $1"),
    /** Circles are part of the tenant's directory, which every member sees; a circle "belongs" to itself. */
    CIRCLE("circle", "circle", "SELECT id AS circle_id FROM cc_circles "
            + "WHERE tenant_id = custos_current_tenant() AND id = $1"),
    /** A run can be held; its captures are held with it. */
    EMERGENCY_RUN("emergency_run", "emergency run", "SELECT circle_id FROM cc_emergency_runs WHERE id = $1"),
    /** A claim can be held and shared; its evidence is held with it. */
    CLAIM("claim", "claim", "SELECT circle_id FROM cc_insurance_claims WHERE id = $1"),
    /** A dossier belongs to its claim's circle; it is immutable, so sharing it shares exactly what it lists. */
    CLAIM_DOSSIER("claim_dossier", "dossier", "SELECT circle_id FROM cc_claim_dossiers WHERE id = $1"),
    /** A dispute can be held; its materials, the evidence uploaded for it and its defense packs with it. */
    DISPUTE("dispute", "dispute", "SELECT circle_id FROM cc_disputes WHERE id = $1"),
    /** A defense pack belongs to its dispute's circle; it is shared and exported, not held (its dispute is). */
    DEFENSE_PACK("defense_pack", "defense pack", "SELECT circle_id FROM cc_defense_packs WHERE id = $1"),
    /** Evidence belongs to the circle of the upload, or of the run, claim or dispute it was captured for. */
    EVIDENCE_OBJECT("evidence_object", "evidence", "SELECT circle_id FROM cc_evidence_objects WHERE id = $1"),
    /** A bundle belongs to the circle it was made in: a pack to its run's or dispute's. */
    EVIDENCE_BUNDLE("evidence_bundle", "bundle", "SELECT circle_id FROM cc_evidence_bundles WHERE id = $1");

    private final String key;
    private final String noun;
    private final String circleQuery;

    ObjectKind(String key, String noun, String circleQuery) {
        this.key = key;
        this.noun = noun;
        this.circleQuery = circleQuery;
    }

    /**
     * The kind named by a hold target type, a grant scope type or a dispute material type: only objects of the
     * custody catalogue ({@link CustodyType}) are named this way.
     */
    public static Optional<ObjectKind> material(String type) {
        return CustodyType.of(type).flatMap(custody -> Arrays.stream(values())
                .filter(kind -> kind.key.equals(custody.key())).findFirst());
    }

    public String key() {
        return key;
    }

    /** How an answer names it: "no such legal hold". */
    public String noun() {
        return noun;
    }

    /** The query, with the object's id as {@code $1}, that answers its {@code circle_id}. */
    String circleQuery() {
        return circleQuery;
    }
}
