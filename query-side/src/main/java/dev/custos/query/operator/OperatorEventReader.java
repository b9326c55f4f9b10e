package dev.custos.query.operator;

import dev.custos.events.canonical.PlainJson;
import dev.custos.events.chain.SecretFields;
import dev.custos.query.Timestamps;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the operator audit log, newest first, with the seed's filters. Rows are append-only, and rows written
 * before passcode hashes left the events still hold one: every payload is redacted as it is read.
 */
@Component
public class OperatorEventReader {

    private static final JsonMapper JSON = PlainJson.MAPPER;

    private final TenantReads reads;

    public OperatorEventReader(TenantReads reads) {
        this.reads = reads;
    }

    public Flux<OperatorEventView> find(TenantScope scope, OperatorEventFilter filter, int limit, long offset) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("action_key", filter.actionKey());
        conditions.put("subject_type", filter.subjectType());
        conditions.put("subject_id", filter.subjectId());
        conditions.put("operator_individual_id", filter.operatorIndividualId());
        conditions.put("circle_id", filter.circleId());
        conditions.values().removeIf(Objects::isNull);

        StringBuilder sql = new StringBuilder("SELECT id, tenant_id, circle_id, operator_individual_id, action_key, "
                + "subject_type, subject_id, occurred_at, created_at, payload::text AS payload "
                + "FROM cc_operator_events WHERE true");
        // Column names come from the fixed keys above, never from the request; values are bound.
        conditions
                .keySet()
                .forEach(column ->
                        sql.append(" AND ").append(column).append(" = :").append(column));
        sql.append(" ORDER BY occurred_at DESC, created_at DESC, id LIMIT :limit OFFSET :offset");

        return reads.many(scope, db -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
            for (Map.Entry<String, Object> condition : conditions.entrySet()) {
                spec = spec.bind(condition.getKey(), condition.getValue());
            }
            return spec.bind("limit", limit)
                    .bind("offset", offset)
                    .map(OperatorEventReader::event)
                    .all();
        });
    }

    private static OperatorEventView event(Readable row) {
        return new OperatorEventView(
                row.get("id", UUID.class),
                row.get("tenant_id", UUID.class),
                row.get("circle_id", UUID.class),
                row.get("operator_individual_id", UUID.class),
                row.get("action_key", String.class),
                row.get("subject_type", String.class),
                row.get("subject_id", UUID.class),
                Timestamps.toInstant(row.get("occurred_at", OffsetDateTime.class)),
                Timestamps.toInstant(row.get("created_at", OffsetDateTime.class)),
                SecretFields.redact(JSON.readTree(row.get("payload", String.class)))
                        .payload());
    }
}
