package dev.custos.api.admin;

import java.util.List;

import dev.custos.query.rebuild.ProjectionRebuild;

/**
 * What a rebuild did: every read table with its rows before and after, the events replayed and the time taken. An
 * append-only table (audit, usage, access log) is never emptied; its rows before and after match unless the
 * replay found a row missing.
 */
public record RebuildResponse(List<Table> tables, long events, long tookMs) {

    public record Table(String table, long rowsBefore, long rows, boolean appendOnly) {
    }

    static RebuildResponse of(ProjectionRebuild.Outcome outcome) {
        return new RebuildResponse(outcome.tables().stream()
                .map(rows -> new Table(rows.table(), rows.rowsBefore(), rows.rows(), rows.appendOnly())).toList(),
                outcome.events(), outcome.tookMillis());
    }
}
