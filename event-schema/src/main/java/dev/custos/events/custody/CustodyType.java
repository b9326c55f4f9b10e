package dev.custos.events.custody;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every kind of object Custos keeps in custody, and what each can be: the one home of "which types can be held,
 * shared or used as dispute material". The aggregates decide with {@link #allows}; the request bodies' patterns are
 * the constants below (an annotation needs a constant), and the database's CHECK constraints say the same; tests
 * pin both to this enum. What a type covers once held is the SQL rule {@code custos_held}.
 */
public enum CustodyType {

    EVIDENCE_OBJECT("evidence_object", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    EVIDENCE_BUNDLE("evidence_bundle", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    CLAIM("claim", Use.HOLD, Use.SCOPE),
    CLAIM_DOSSIER("claim_dossier", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    EMERGENCY_RUN("emergency_run", Use.HOLD),
    DISPUTE("dispute", Use.HOLD);

    /** What an object can be in custody. */
    public enum Use {
        /** The target of a legal hold. */
        HOLD,
        /** The scope of an authority grant: what a portal reader may see. */
        SCOPE,
        /** The material a dispute's defense pack is made of. */
        MATERIAL
    }

    /** Hold target types, as a request pattern (checked against {@link Use#HOLD} by CustodyTypeTest). */
    public static final String HOLDABLE =
            "evidence_object|evidence_bundle|claim|claim_dossier|emergency_run|dispute";
    /** Grant scope types, as a request pattern. */
    public static final String SCOPABLE = "evidence_object|evidence_bundle|claim|claim_dossier";
    /** Dispute material types, as a request pattern. */
    public static final String MATERIAL = "evidence_object|evidence_bundle|claim_dossier";

    private final String key;
    private final Set<Use> uses;

    CustodyType(String key, Use first, Use... more) {
        this.key = key;
        this.uses = EnumSet.of(first, more);
    }

    public String key() {
        return key;
    }

    public static Optional<CustodyType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    /** Whether an object of type {@code key} can be used so. */
    public static boolean allows(Use use, String key) {
        return of(key).map(type -> type.uses.contains(use)).orElse(false);
    }

    /** The keys of the types that can be used so, in declaration order. */
    public static Set<String> keys(Use use) {
        return Arrays.stream(values()).filter(type -> type.uses.contains(use)).map(CustodyType::key)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
