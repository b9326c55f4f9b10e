package dev.custos.bench;

import static dev.custos.bench.Http.expect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transparency log's proofs at scale: a tenant's Merkle tree grown to a million entries in SQL (the stored
 * complete-subtree nodes, with the real hashes), then inclusion and consistency proofs through HTTP against it, and
 * a primary-key read of one node as the same-run baseline. The tree is added beside the tenant's real entries,
 * which the service keeps chaining; only the nodes matter to a proof's cost.
 */
final class TreeProofs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection sql;
    private final Http http;
    private final Http.As auditor;
    private final long size;
    private final AtomicInteger mostHashes = new AtomicInteger();

    TreeProofs(Connection sql, Http http, Http.As auditor, long size) {
        this.sql = sql;
        this.http = http;
        this.auditor = auditor;
        this.size = size;
    }

    /** Stores the nodes of a tree of {@code size} leaves for the auditor's tenant, level by level, in SQL. */
    void grow() throws SQLException, InterruptedException {
        String tenant = auditor.tenant().toString();
        // The fresh tenant's own entries first: the follower must be done with them before the tree is replaced.
        while (!chained(tenant)) {
            Thread.sleep(50);
        }
        try (Statement statement = sql.createStatement()) {
            // Level by level in a scratch table, then stored in the order the follower stores nodes (each node when
            // the leaf that completes it is appended), so the table's layout on disk is the one a grown log has.
            statement.execute("CREATE TEMPORARY TABLE bench_tree_nodes (level int, node_index bigint, hash bytea, "
                    + "PRIMARY KEY (level, node_index))");
            statement.execute("INSERT INTO bench_tree_nodes SELECT 0, i, sha256('\\x00'::bytea || int8send(i)) "
                    + "FROM generate_series(0, " + (size - 1) + ") i");
            for (int level = 1; (size >> level) > 0; level++) {
                statement.execute("INSERT INTO bench_tree_nodes SELECT " + level + ", l.node_index / 2, "
                        + "sha256('\\x01'::bytea || l.hash || r.hash) FROM bench_tree_nodes l JOIN bench_tree_nodes r "
                        + "ON r.level = l.level AND r.node_index = l.node_index + 1 WHERE l.level = " + (level - 1)
                        + " AND l.node_index % 2 = 0");
            }
            statement.execute("INSERT INTO audit_tree_nodes (tenant_id, level, node_index, hash) SELECT '" + tenant
                    + "', level, node_index, hash FROM bench_tree_nodes "
                    + "ORDER BY ((node_index + 1) << level) - 1, level ON CONFLICT DO NOTHING");
            statement.execute("DROP TABLE bench_tree_nodes");
            // The proof routes check sizes against the tree's head; the follower leaves a tree ahead of its chain be.
            statement.execute(
                    "UPDATE audit_chain_heads SET tree_size = " + size + " WHERE tenant_id = '" + tenant + "'");
            // What autovacuum does to an insert-only table soon after the inserts.
            statement.execute("VACUUM (ANALYZE) audit_tree_nodes");
        }
    }

    /** Whether the tenant's chain and tree hold all of its entries so far (its head exists and the tree is level). */
    private boolean chained(String tenant) throws SQLException {
        try (Statement statement = sql.createStatement();
                ResultSet head = statement.executeQuery(
                        "SELECT seq, tree_size FROM audit_chain_heads WHERE tenant_id = '" + tenant + "'")) {
            return head.next() && head.getLong("seq") > 0 && head.getLong("seq") == head.getLong("tree_size");
        }
    }

    /** An inclusion proof of a random entry of the whole tree, timed in microseconds. */
    long inclusion(SplittableRandom random) {
        long seq = 1 + random.nextLong(size);
        return timed("/api/audit/proof/inclusion?seq=" + seq + "&tree_size=" + size);
    }

    /** A consistency proof from a random earlier size to the whole tree, timed in microseconds. */
    long consistency(SplittableRandom random) {
        long from = 1 + random.nextLong(size - 1);
        return timed("/api/audit/proof/consistency?from=" + from + "&to=" + size);
    }

    /** The baseline: one node read by its primary key over JDBC, timed in microseconds. */
    Histogram primaryKeyReads(int samples, SplittableRandom random) throws SQLException {
        try (PreparedStatement read = sql.prepareStatement(
                "SELECT hash FROM audit_tree_nodes WHERE tenant_id = ?::uuid AND level = 0 AND node_index = ?")) {
            read.setString(1, auditor.tenant().toString());
            return Load.sequential(samples, () -> {
                long before = System.nanoTime();
                try {
                    read.setLong(2, random.nextLong(size));
                    try (ResultSet row = read.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("no node");
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - before) / 1000;
            });
        }
    }

    /** The most hashes any proof answered so far. */
    int mostHashes() {
        return mostHashes.get();
    }

    UUID tenant() {
        return auditor.tenant();
    }

    private long timed(String path) {
        long before = System.nanoTime();
        Http.Answer answer = expect(200, http.get(path, auditor));
        long micros = (System.nanoTime() - before) / 1000;
        JsonNode proof = JSON.readTree(answer.body());
        mostHashes.accumulateAndGet(proof.get("hashes").size(), Math::max);
        return micros;
    }
}
