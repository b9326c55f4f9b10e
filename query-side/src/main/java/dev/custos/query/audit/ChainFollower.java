package dev.custos.query.audit;

import dev.custos.events.chain.AuditEntry;
import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.EntryMetadata;
import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.chain.MerkleTree;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Extends every tenant's hash chain with the events that have become final, in one order that can never change:
 * by the id of the transaction that stored them, then by global index. It reads only events whose transaction is
 * older than every transaction still running ({@code pg_snapshot_xmin}), so an event that commits late (a gap in
 * the global index) is always chained after it commits and never skipped, and nothing can later appear before an
 * event already chained. Appends are untouched: the follower runs beside them, one batch per transaction.
 *
 * <p>In the same transaction it adds each entry to its tenant's Merkle tree ({@link TreeNodes}): the leaf and every
 * subtree it completes, so the tree's size is the chain's seq once the entries chained before the tree existed have
 * been added ({@link #extendTreeBatch}).
 *
 * <p>Instances share the work safely: a batch runs only under a transaction-level advisory lock, and the chain's
 * keys (tenant and seq; global index) make a fork or a second link for one event impossible anyway.
 */
@Component
public class ChainFollower {

    /** The advisory lock key of the follower: one chainer at a time across instances. */
    private static final long LOCK = 0x637573746f73L; // "custos"

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TreeNodes treeNodes;

    public ChainFollower(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, TreeNodes treeNodes) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.treeNodes = treeNodes;
    }

    /**
     * Chains everything that is final now, unless another instance is already at it (then it does nothing: that
     * one will); answers how many events it chained. For the periodic round.
     */
    public int catchUp() {
        return follow(false);
    }

    /**
     * Chains everything that is final now, waiting for another instance's batch if one is running, so that the
     * chain holds every event committed before the call (unless a transaction older than it is still open). For a
     * checkpoint signed on demand.
     */
    public int catchUpNow() {
        return follow(true);
    }

    private int follow(boolean wait) {
        int total = 0;
        int chained;
        do {
            chained = chainBatch(wait);
            total += Math.max(chained, 0);
        } while (chained == BATCH);
        while (extendTreeBatch() == BATCH) {
            // a tree still taking in entries chained before it existed: a batch per transaction
        }
        return total;
    }

    /** One batch in one transaction; -1 when another instance holds the follower's lock and we do not wait. */
    int chainBatch(boolean wait) {
        Integer chained = transactions.execute(status -> {
            if (wait) {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
            } else if (!Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return -1;
            }
            Map<String, Object> position =
                    jdbc.queryForMap("SELECT tx_id::text AS tx_id, global_index FROM audit_chain_position");
            // The transaction id goes out as text (JDBC has no xid8) under another name: ordering by an output
            // column called tx_id would sort the text, and "1000" < "996".
            List<Stored> events = jdbc.query(
                    "SELECT global_index, tx_id::text AS tx_text, tenant_id, "
                            + "event_identifier, payload_type, payload_revision, type, aggregate_identifier, "
                            + "sequence_number, time_stamp, payload, meta_data FROM domain_event_entry "
                            + "WHERE (tx_id, global_index) > (?::xid8, ?) "
                            + "AND tx_id < pg_snapshot_xmin(pg_current_snapshot()) "
                            + "ORDER BY tx_id, global_index LIMIT ?",
                    ChainFollower::stored,
                    position.get("tx_id"),
                    position.get("global_index"),
                    BATCH);
            if (events.isEmpty()) {
                return 0;
            }
            link(events);
            Stored last = events.get(events.size() - 1);
            jdbc.update(
                    "UPDATE audit_chain_position SET tx_id = ?::xid8, global_index = ?",
                    last.txId(),
                    last.globalIndex());
            return events.size();
        });
        return chained == null ? 0 : chained;
    }

    private void link(List<Stored> events) {
        Map<UUID, Head> heads = heads(events);
        // A tree that holds every chained entry grows with the batch; one still taking in entries chained before the
        // tree existed is left to extendTrees, which reads them in order.
        Map<UUID, Long> aligned = new HashMap<>();
        for (Stored stored : events) {
            Head head =
                    heads.computeIfAbsent(stored.tenantId(), tenant -> new Head(0, ChainEncoding.genesis(tenant), 0));
            if (head.treeSize() == head.seq()) {
                aligned.put(stored.tenantId(), head.treeSize());
            }
        }
        Map<UUID, Map<Integer, byte[]>> frontiers = treeNodes.frontiers(aligned);
        List<Object[]> links = new ArrayList<>(events.size());
        List<Object[]> nodes = new ArrayList<>(events.size() * 2);
        for (Stored stored : events) {
            UUID tenant = stored.tenantId();
            Head head = heads.get(tenant);
            long seq = head.seq() + 1;
            int version = AuditEntry.versionFor(stored.event().payload());
            Map<String, String> metadata = version == AuditEntry.VERSION
                    ? EntryMetadata.of(
                            stored.event().eventType(),
                            stored.metaData(),
                            stored.event().payload())
                    : null;
            byte[] entry = AuditEntry.bytes(version, seq, stored.event(), metadata);
            byte[] hash = ChainEncoding.link(head.hash(), entry);
            links.add(new Object[] {
                tenant, seq, stored.globalIndex(), head.hash(), hash, version, metadata == null ? null : json(metadata)
            });
            long treeSize = head.treeSize();
            Map<Integer, byte[]> frontier = frontiers.get(tenant);
            if (frontier != null) {
                MerkleProofPlan.append(treeSize, MerkleTree.leafHash(entry), frontier)
                        .forEach((node, nodeHash) -> nodes.add(TreeNodes.row(tenant, node, nodeHash)));
                treeSize++;
            }
            heads.put(tenant, new Head(seq, hash, treeSize));
        }
        jdbc.batchUpdate(
                "INSERT INTO audit_chain (tenant_id, seq, global_index, prev_hash, hash, entry_version, metadata) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)",
                links);
        treeNodes.insert(nodes);
        saveHeads(heads);
    }

    /**
     * Adds to one tenant's tree the entries chained before the tree existed, at most a batch, oldest first, reading
     * them back as the stream does; answers how many it added (-1 when another instance holds the lock).
     */
    int extendTreeBatch() {
        Integer added = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return -1;
            }
            List<Map<String, Object>> lagging = jdbc.queryForList(
                    "SELECT tenant_id, tree_size FROM audit_chain_heads WHERE tree_size < seq LIMIT 1");
            if (lagging.isEmpty()) {
                return 0;
            }
            UUID tenant = (UUID) lagging.get(0).get("tenant_id");
            long treeSize = ((Number) lagging.get(0).get("tree_size")).longValue();
            Map<Integer, byte[]> frontier =
                    treeNodes.frontiers(Map.of(tenant, treeSize)).get(tenant);
            List<byte[]> entries = jdbc.query(
                    "SELECT c.seq, c.entry_version, c.metadata::text AS metadata, e.event_identifier, e.payload_type, "
                            + "e.payload_revision, e.type, e.aggregate_identifier, e.sequence_number, e.time_stamp, "
                            + "e.payload FROM audit_chain c JOIN domain_event_entry e ON e.global_index = c.global_index "
                            + "WHERE c.tenant_id = ? AND c.seq > ? ORDER BY c.seq LIMIT ?",
                    (row, n) -> AuditEntry.bytes(
                            row.getInt("entry_version"),
                            row.getLong("seq"),
                            event(row),
                            metadata(row.getString("metadata"))),
                    tenant,
                    treeSize,
                    BATCH);
            List<Object[]> nodes = new ArrayList<>(entries.size() * 2);
            long size = treeSize;
            for (byte[] entry : entries) {
                MerkleProofPlan.append(size, MerkleTree.leafHash(entry), frontier)
                        .forEach((node, nodeHash) -> nodes.add(TreeNodes.row(tenant, node, nodeHash)));
                size++;
            }
            treeNodes.insert(nodes);
            jdbc.update("UPDATE audit_chain_heads SET tree_size = ? WHERE tenant_id = ?", size, tenant);
            return entries.size();
        });
        return added == null ? 0 : added;
    }

    private void saveHeads(Map<UUID, Head> heads) {
        List<Object[]> moved = new ArrayList<>(heads.size());
        heads.forEach((tenant, head) -> moved.add(new Object[] {tenant, head.seq(), head.hash(), head.treeSize()}));
        jdbc.batchUpdate(
                "INSERT INTO audit_chain_heads (tenant_id, seq, hash, tree_size) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
                        + "tree_size = excluded.tree_size",
                moved);
    }

    private Map<UUID, Head> heads(List<Stored> events) {
        UUID[] tenants = events.stream().map(Stored::tenantId).distinct().toArray(UUID[]::new);
        Map<UUID, Head> heads = new HashMap<>();
        jdbc.query(
                "SELECT tenant_id, seq, hash, tree_size FROM audit_chain_heads WHERE tenant_id = ANY (?)",
                row -> {
                    heads.put(
                            row.getObject("tenant_id", UUID.class),
                            new Head(row.getLong("seq"), row.getBytes("hash"), row.getLong("tree_size")));
                },
                (Object) tenants);
        return heads;
    }

    private static Stored stored(ResultSet row, int rowNumber) throws SQLException {
        byte[] metaData = row.getBytes("meta_data");
        return new Stored(
                row.getLong("global_index"),
                row.getString("tx_text"),
                row.getObject("tenant_id", UUID.class),
                event(row),
                metaData == null ? null : payload(metaData));
    }

    /** The chained fields of a stored event, from a row of domain_event_entry's columns. */
    static ChainedEvent event(ResultSet row) throws SQLException {
        return new ChainedEvent(
                row.getString("event_identifier"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("time_stamp"),
                payload(row.getBytes("payload")));
    }

    /** An entry's metadata as chained (null for version 1), from its stored JSON. */
    public static Map<String, String> metadata(String json) {
        if (json == null) {
            return null;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        ChainEncoding.JSON
                .readTree(json)
                .properties()
                .forEach(field -> metadata.put(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().stringValue()));
        return metadata;
    }

    private static String json(Map<String, String> metadata) {
        return ChainEncoding.JSON.writeValueAsString(metadata);
    }

    /**
     * The stored payload as JSON. Axon stores every payload as JSON; should one ever not be, it is chained (and
     * streamed) as a string of its base64 bytes rather than stopping every later event of the system from being
     * chained.
     */
    public static JsonNode payload(byte[] stored) {
        try {
            return ChainEncoding.JSON.readTree(stored);
        } catch (JacksonException notJson) {
            return StringNode.valueOf("base64:" + Base64.getEncoder().encodeToString(stored));
        }
    }

    private record Stored(long globalIndex, String txId, UUID tenantId, ChainedEvent event, JsonNode metaData) {}

    private record Head(long seq, byte[] hash, long treeSize) {}
}
