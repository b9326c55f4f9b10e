package dev.custos.events.custody;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every kind of object Custos keeps in custody, and what each can be: the one home of "which types exist, which can
 * be held, shared or used as dispute material, and where each is read". The aggregates decide with {@link #allows},
 * the request bodies validate against {@link #keys}, the hold registry finds a target in its {@link #readTable}.
 * The database says the same in its CHECK constraints on the type columns, in {@code custos_held}, in the portal's
 * per-type branches and in {@code custos_object_circle}; {@code CustodyCatalogueIT} holds all of them to this enum.
 */
public enum CustodyType {
    EVIDENCE_OBJECT("evidence_object", "cc_evidence_objects", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    EVIDENCE_BUNDLE("evidence_bundle", "cc_evidence_bundles", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    CLAIM("claim", "cc_insurance_claims", Use.HOLD, Use.SCOPE),
    CLAIM_DOSSIER("claim_dossier", "cc_claim_dossiers", Use.HOLD, Use.SCOPE, Use.MATERIAL),
    EMERGENCY_RUN("emergency_run", "cc_emergency_runs", Use.HOLD),
    DISPUTE("dispute", "cc_disputes", Use.HOLD);

    /** What an object can be in custody. */
    public enum Use {
        /** The target of a legal hold. */
        HOLD,
        /** The scope of an authority grant: what a portal reader may see. */
        SCOPE,
        /** The material a dispute's defense pack is made of. */
        MATERIAL
    }

    private final String key;
    private final String readTable;
    private final Set<Use> uses;

    CustodyType(String key, String readTable, Use first, Use... more) {
        this.key = key;
        this.readTable = readTable;
        this.uses = EnumSet.of(first, more);
    }

    /** How requests, events and the database name the type. */
    public String key() {
        return key;
    }

    /** The read-model table with one row per object of the type, keyed by {@code id}. */
    public String readTable() {
        return readTable;
    }

    /**
     * The column of {@link #readTable} that holds the object's circle (null: tenant-wide). Every custody table names
     * it alike; it is here so that what reads it need not assume so.
     */
    public String circleColumn() {
        return "circle_id";
    }

    /** Whether objects of this type can be used so. */
    public boolean can(Use use) {
        return uses.contains(use);
    }

    public static Optional<CustodyType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }

    /** The type named {@code key} if objects of it can be used so. */
    public static Optional<CustodyType> of(Use use, String key) {
        return of(key).filter(type -> type.can(use));
    }

    /** Whether an object of type {@code key} can be used so. */
    public static boolean allows(Use use, String key) {
        return of(use, key).isPresent();
    }

    /** The keys of the types that can be used so, in declaration order. */
    public static Set<String> keys(Use use) {
        return Arrays.stream(values())
                .filter(type -> type.can(use))
                .map(CustodyType::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
