package dev.custos.query.access;

import dev.custos.events.custody.CustodyType;
import java.util.Arrays;

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
    EMERGENCY_RUN(CustodyType.EMERGENCY_RUN, "emergency run"),
    /** A claim can be held and shared; its evidence is held with it. */
    CLAIM(CustodyType.CLAIM, "claim"),
    /** A dossier belongs to its claim's circle; it is immutable, so sharing it shares exactly what it lists. */
    CLAIM_DOSSIER(CustodyType.CLAIM_DOSSIER, "dossier"),
    /** A dispute can be held; its materials, the evidence uploaded for it and its defense packs with it. */
    DISPUTE(CustodyType.DISPUTE, "dispute"),
    /** A defense pack belongs to its dispute's circle; it is shared and exported, not held (its dispute is). */
    DEFENSE_PACK("defense_pack", "defense pack"),
    /** Evidence belongs to the circle of the upload, or of the run, claim or dispute it was captured for. */
    EVIDENCE_OBJECT(CustodyType.EVIDENCE_OBJECT, "evidence"),
    /** A bundle belongs to the circle it was made in: a pack to its run's or dispute's. */
    EVIDENCE_BUNDLE(CustodyType.EVIDENCE_BUNDLE, "bundle");

    private final String key;
    private final CustodyType custody;
    private final String noun;

    ObjectKind(String key, String noun) {
        this.key = key;
        this.custody = null;
        this.noun = noun;
    }

    /** A kind of object in custody: the catalogue names it. */
    ObjectKind(CustodyType custody, String noun) {
        this.key = custody.key();
        this.custody = custody;
        this.noun = noun;
    }

    /** The kind of a custody type: every custody type is one ({@code ObjectKindTest} holds that). */
    public static ObjectKind of(CustodyType custody) {
        return Arrays.stream(values())
                .filter(kind -> kind.custody == custody)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no object kind for " + custody.key()));
    }

    public String key() {
        return key;
    }

    /** How an answer names it: "no such legal hold". */
    public String noun() {
        return noun;
    }
}
