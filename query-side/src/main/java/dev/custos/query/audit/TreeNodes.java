package dev.custos.query.audit;

import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.chain.MerkleProofPlan.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenants' Merkle trees as stored nodes (the heads of complete subtrees), written and read over JDBC in the
 * caller's transaction: the follower grows them, the signer reads tree heads. Any head or proof is one query.
 */
@Component
public class TreeNodes {

    private final JdbcTemplate jdbc;

    public TreeNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored nodes among {@code wanted}, of several tenants, in one query. */
    public Map<UUID, Map<Node, byte[]>> read(Map<UUID, ? extends Collection<Node>> wanted) {
        List<UUID> tenants = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        wanted.forEach((tenant, nodes) -> nodes.forEach(node -> {
            tenants.add(tenant);
            levels.add(node.level());
            indexes.add(node.index());
        }));
        Map<UUID, Map<Node, byte[]>> found = new HashMap<>();
        if (tenants.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT n.tenant_id, n.level, n.node_index, n.hash FROM audit_tree_nodes n "
                        + "JOIN unnest(?::uuid[], ?::int[], ?::bigint[]) AS w(tenant_id, level, node_index) "
                        + "ON n.tenant_id = w.tenant_id AND n.level = w.level AND n.node_index = w.node_index",
                row -> {
                    found.computeIfAbsent(row.getObject("tenant_id", UUID.class), t -> new HashMap<>())
                            .put(new Node(row.getInt("level"), row.getLong("node_index")), row.getBytes("hash"));
                },
                tenants.toArray(UUID[]::new),
                levels.toArray(Integer[]::new),
                indexes.toArray(Long[]::new));
        return found;
    }

    /** The right edges (level → hash) of the tenants' trees of these sizes: what appending continues from. */
    public Map<UUID, Map<Integer, byte[]>> frontiers(Map<UUID, Long> sizes) {
        Map<UUID, List<Node>> wanted = new HashMap<>();
        sizes.forEach((tenant, size) -> wanted.put(tenant, MerkleProofPlan.frontier(size)));
        Map<UUID, Map<Node, byte[]>> found = read(wanted);
        Map<UUID, Map<Integer, byte[]>> frontiers = new HashMap<>();
        wanted.forEach((tenant, nodes) -> {
            Map<Integer, byte[]> frontier = new HashMap<>();
            Map<Node, byte[]> stored = found.getOrDefault(tenant, Map.of());
            for (Node node : nodes) {
                byte[] hash = stored.get(node);
                if (hash == null) {
                    throw new IllegalStateException("the tree of tenant " + tenant + " lacks its node " + node);
                }
                frontier.put(node.level(), hash);
            }
            frontiers.put(tenant, frontier);
        });
        return frontiers;
    }

    /** Stores new nodes: each row is {@code {tenant, level, index, hash}}. */
    public void insert(List<Object[]> nodes) {
        if (!nodes.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO audit_tree_nodes (tenant_id, level, node_index, hash) VALUES (?, ?, ?, ?)", nodes);
        }
    }

    /** The head of the tenant's tree of {@code size} leaves (SHA-256 of nothing for none). */
    public byte[] root(UUID tenantId, long size) {
        if (size == 0) {
            return dev.custos.events.chain.MerkleTree.root(List.of());
        }
        MerkleProofPlan.Range whole = MerkleProofPlan.whole(size);
        Map<Node, byte[]> stored =
                read(Map.of(tenantId, MerkleProofPlan.nodes(whole))).getOrDefault(tenantId, Map.of());
        return MerkleProofPlan.head(whole, stored);
    }

    /** A row for {@link #insert}. */
    static Object[] row(UUID tenantId, Node node, byte[] hash) {
        return new Object[] {tenantId, node.level(), node.index(), hash};
    }
}
