package dev.custos.api.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the event store of record holds for a tenant's holds, read as superuser, and how it compares with what the
 * service acknowledged: an acknowledgement with no event is lost; a hold placed, or a target added to a hold, that
 * is stored more than once is duplicated (acknowledged or not).
 */
final class EventStore {

    private EventStore() {}

    record Comparison(long acknowledged, long lost, long duplicated) {}

    static Comparison compare(FleetDatabase database, UUID tenant, Collection<Load.Acknowledged> acknowledged) {
        Map<Load.Acknowledged, Integer> stored = holdEvents(database, tenant);
        long lost =
                acknowledged.stream().filter(ack -> !stored.containsKey(ack)).count();
        long duplicated = stored.values().stream().filter(copies -> copies > 1).count();
        return new Comparison(acknowledged.size(), lost, duplicated);
    }

    /** How many times each hold placement and each (hold, target) addition is stored. */
    static Map<Load.Acknowledged, Integer> holdEvents(FleetDatabase database, UUID tenant) {
        String sql = "SELECT aggregate_identifier, payload_type, convert_from(payload, 'UTF8')::jsonb ->> 'targetId' "
                + "FROM domain_event_entry WHERE tenant_id = ? "
                + "AND (payload_type LIKE '%LegalHoldPlaced' OR payload_type LIKE '%LegalHoldTargetAdded')";
        Map<Load.Acknowledged, Integer> stored = new HashMap<>();
        try (Connection connection = database.superuser();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UUID hold = UUID.fromString(rows.getString(1));
                    String target = rows.getString(3);
                    boolean placement = rows.getString(2).endsWith("LegalHoldPlaced");
                    Load.Acknowledged key =
                            new Load.Acknowledged(hold, placement || target == null ? null : UUID.fromString(target));
                    stored.merge(key, 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store", e);
        }
        return stored;
    }

    /** Events of one type stored for one aggregate. */
    static long count(FleetDatabase database, UUID aggregate, String eventType) {
        return database.count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + aggregate
                + "' AND payload_type LIKE '%." + eventType + "'");
    }
}
