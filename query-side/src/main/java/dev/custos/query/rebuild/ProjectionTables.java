package dev.custos.query.rebuild;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every table the synchronous projections write, and how a rebuild treats it. Together the two lists are every
 * {@code cc_} table (ProjectionTablesTest checks them against the catalog and against V21's privileges); any other
 * table (the event store, snapshots, rate-limit buckets, the audit chain) is no projection and is left alone.
 */
public final class ProjectionTables {

    /**
     * Emptied and written again from the events. Children before parents, so each delete finds nothing that still
     * refers to it.
     */
    public static final List<String> REBUILT = List.of(
            "cc_portal_grant_index",
            "cc_claim_dossier_evidence",
            "cc_claim_dossiers",
            "cc_claim_evidence",
            "cc_insurance_claims",
            "cc_defense_packs",
            "cc_dispute_materials",
            "cc_disputes",
            "cc_emergency_run_captures",
            "cc_emergency_run_record_packs",
            "cc_emergency_run_scope_grants",
            "cc_emergency_runs",
            "cc_authority_access_scopes",
            "cc_authority_access_tokens",
            "cc_authority_access_grants",
            "cc_legal_hold_targets",
            "cc_legal_holds",
            "cc_evidence_bundle_members",
            "cc_evidence_bundles",
            "cc_evidence_objects",
            "cc_operator_role_assignments",
            "cc_operator_roles",
            "cc_circle_members",
            "cc_circles",
            "cc_tenant_members",
            "cc_tenants");

    /**
     * Records nobody may change or remove, the owner included (their triggers refuse it): the operator audit log,
     * usage (a tenant's bill) and the portal access log. A rebuild offers every event to their projections too;
     * each row is keyed by its action or event id and inserted {@code ON CONFLICT DO NOTHING}, so a row already
     * there stays as it is and only a missing one is written. Nothing is counted twice.
     */
    public static final List<String> APPEND_ONLY =
            List.of("cc_operator_events", "cc_usage_events", "cc_authority_access_events");

    private ProjectionTables() {}

    /** Both lists, rebuilt tables first. */
    public static List<String> all() {
        return Stream.concat(REBUILT.stream(), APPEND_ONLY.stream()).toList();
    }
}
