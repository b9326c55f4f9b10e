package dev.custos.query.access;

import java.util.Arrays;
import java.util.Optional;

import dev.custos.events.custody.CustodyType;

/**
 * Every kind of object an operator action can target. Where each kind keeps its circle is SQL's to say, in one
 * function ({@code custos_object_circle}, one static query per kind), which runs under the reader's row-level
 * security, so an object in a circle the caller is not a member of is simply not found: visibility is decided by
 * the database, in one place ({@code custos_circle_visible}).
 */
public enum ObjectKind {

    LEGAL_HOLD("legal_hold", "legal hold"),
    AUTHORITY_GRANT("authority_grant", "grant"),
    /** A token belongs to its grant's circle. */
    AUTHORITY_TOKEN("authority_token", "token"),
    ROLE_ASSIGNMENT("role_assignment", "role assignment"),
    /** Circles are part of the tenant's directory, which every member sees; a circle "belongs" to itself. */
    CIRCLE("circle", "circle"),
    /** A run can be held; its captures are held with it. */
    EMERGENCY_RUN("emergency_run", "emergency run"),
    /** A claim can be held and shared; its evidence is held with it. */
    CLAIM("claim", "claim"),
    /** A dossier belongs to its claim's circle; it is immutable, so sharing it shares exactly what it lists. */
    CLAIM_DOSSIER("claim_dossier", "dossier"),
    /** A dispute can be held; its materials, the evidence uploaded for it and its defense packs with it. */
    DISPUTE("dispute", "dispute"),
    /** A defense pack belongs to its dispute's circle; it is shared and exported, not held (its dispute is). */
    DEFENSE_PACK("defense_pack", "defense pack"),
    /** Evidence belongs to the circle of the upload, or of the run, claim or dispute it was captured for. */
    EVIDENCE_OBJECT("evidence_object", "evidence"),
    /** A bundle belongs to the circle it was made in: a pack to its run's or dispute's. */
    EVIDENCE_BUNDLE("evidence_bundle", "bundle");

    private final String key;
    private final String noun;

    ObjectKind(String key, String noun) {
        this.key = key;
        this.noun = noun;
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
}
