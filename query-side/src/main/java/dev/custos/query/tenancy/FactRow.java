package dev.custos.query.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row one event writes, under a key that is not the event's own id. A replay may write the same row again, so an
 * existing row is accepted when it holds the same fact; a different fact under the same key means the read model
 * has diverged from the event store, and that fails the event's transaction loudly instead of being dropped.
 */
public final class FactRow {

    private final String table;
    private final Map<String, Object> key = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private FactRow(String table) {
        this.table = table;
    }

    public static FactRow into(String table) {
        return new FactRow(table);
    }

    /** A column of the row's unique key. */
    public FactRow key(String column, Object value) {
        key.put(column, value);
        return this;
    }

    /** A column that states the fact, compared when the key is already taken. */
    public FactRow value(String column, Object value) {
        values.put(column, value);
        return this;
    }

    public void insert(JdbcTemplate jdbc) {
        Map<String, Object> all = new LinkedHashMap<>(key);
        all.putAll(values);
        String columns = String.join(", ", all.keySet());
        String placeholders = all.keySet().stream().map(column -> "?").collect(Collectors.joining(", "));
        int inserted = jdbc.update(
                "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") " + "ON CONFLICT ("
                        + String.join(", ", key.keySet()) + ") DO NOTHING",
                all.values().toArray());
        if (inserted == 1) {
            return;
        }
        List<Object> arguments = new ArrayList<>(all.values());
        String same = all.keySet().stream()
                .map(column -> column + " IS NOT DISTINCT FROM ?")
                .collect(Collectors.joining(" AND "));
        Integer matching = jdbc.queryForObject(
                "SELECT count(*) FROM " + table + " WHERE " + same, Integer.class, arguments.toArray());
        if (matching == null || matching == 0) {
            throw new ProjectionConflict(table, key);
        }
    }

    /** A key already holds a different fact: the read model and the event store disagree. */
    public static final class ProjectionConflict extends IllegalStateException {

        ProjectionConflict(String table, Map<String, Object> key) {
            super("projection conflict in " + table + ": the key " + key.keySet()
                    + " already holds a different fact; the read model has diverged from the event store");
        }
    }
}
