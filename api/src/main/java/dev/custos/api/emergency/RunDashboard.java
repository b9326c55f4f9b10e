package dev.custos.api.emergency;

import java.util.List;

import dev.custos.api.evidence.EvidenceSummary;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.emergency.RunScopeGrantView;
import dev.custos.query.evidence.BundleView;
import dev.custos.query.operator.OperatorEventView;

/** {@code GET /api/operator/emergency/runs/{id}/dashboard}: the run, its scopes, audit rows, record packs, captures. */
public record RunDashboard(EmergencyRunView run, List<RunScopeGrantView> grants, List<OperatorEventView> events,
                           List<BundleView> bundles, List<EvidenceSummary> captures) {
}
