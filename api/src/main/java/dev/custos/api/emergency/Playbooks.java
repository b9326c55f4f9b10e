package dev.custos.api.emergency;

import dev.custos.events.canonical.CanonicalJson;
import dev.custos.query.emergency.EmergencyRunView;
import dev.custos.query.emergency.RecordPackView;
import dev.custos.query.emergency.RunScopeGrantView;
import dev.custos.query.evidence.EvidenceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's timeline as reusable steps: what was done, in order, without who, when or which objects, so that the
 * next run of the type can follow it. The playbook is canonical JSON (sorted keys, no white space), and its
 * sha256 is over exactly those bytes, so a reader can recompute it from the {@code playbook} field alone.
 */
final class Playbooks {

    private Playbooks() {}

    static Playbook of(
            EmergencyRunView run,
            List<RunScopeGrantView> grants,
            List<EvidenceView> captures,
            List<RecordPackView> packs) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(run.startedAt(), 0, step("start", "run_type", run.runType())));
        for (RunScopeGrantView grant : grants) {
            steps.add(new Step(
                    grant.grantedAt(),
                    1,
                    step("grant_scope", "scope_key", grant.scopeKey(), "time_limited", grant.expiresAt() != null)));
            if (grant.revokedAt() != null) {
                steps.add(new Step(grant.revokedAt(), 2, step("revoke_scope", "scope_key", grant.scopeKey())));
            }
        }
        for (EvidenceView capture : captures) {
            steps.add(new Step(
                    capture.capturedAt(),
                    3,
                    step("capture", "source_type", capture.sourceType(), "content_mime", capture.contentMime())));
        }
        for (RecordPackView pack : packs) {
            steps.add(new Step(pack.generatedAt(), 4, step("generate_record_pack", "captures", pack.captureCount())));
        }
        if (run.resolvedAt() != null) {
            steps.add(new Step(run.resolvedAt(), 5, step("resolve")));
        }
        steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::kind));
        List<Object> numbered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> numberedStep = new TreeMap<>(steps.get(i).fields());
            numberedStep.put("step", i + 1);
            numbered.add(numberedStep);
        }
        Map<String, Object> playbook = new TreeMap<>();
        playbook.put("run_type", run.runType());
        playbook.put("steps", numbered);
        return new Playbook(playbook, CanonicalJson.sha256Hex(CanonicalJson.write(playbook)));
    }

    private static Map<String, Object> step(String action, Object... fields) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("action", action);
        for (int i = 0; i < fields.length; i += 2) {
            step.put((String) fields[i], fields[i + 1]);
        }
        return step;
    }

    /** A step and where it falls: by time, then by its kind's place in a run (so ties order the same way). */
    private record Step(Instant at, int kind, Map<String, Object> fields) {}

    /**
     * {@code POST /api/operator/emergency/runs/{id}/export-playbook}: the run's timeline as reusable steps, and the
     * sha256 of the playbook's canonical JSON, so that anyone can check the bytes they were given.
     */
    public record Playbook(Map<String, Object> playbook, String playbookSha256) {}
}
