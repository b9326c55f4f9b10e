package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.custos.api.support.AuditProofs;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.TestDatabase;
import dev.custos.events.chain.MerkleTree;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant whose entries were chained before its tree existed (as after the upgrade that added the tree) gets them
 * added, oldest first, while new entries keep coming: the rebuilt tree has exactly the nodes it had, and the head
 * signed afterwards is the tree of the whole stream.
 */
class TreeBackfillIT extends IntegrationTest {

    @Test
    void entriesChainedBeforeTheTreeAreAddedInOrderWhileNewOnesArrive() throws Exception {
        UUID operator = UUID.randomUUID();
        UUID tenant = createTenant(operator);
        Caller platform = as(operator, tenant);
        for (int i = 0; i < 6; i++) {
            platform.addMember(UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> treeSize(tenant) == chainSize(tenant));
        Map<String, String> before = nodes(tenant);
        assertThat(before).isNotEmpty();

        long chainedBefore = chainSize(tenant);
        // No check that the tree is empty now: the appender may already be rebuilding it, which is the point.
        forgetTree(tenant);
        for (int i = 0; i < 3; i++) {
            platform.addMember(UUID.randomUUID());
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> chainSize(tenant) >= chainedBefore + 3 && treeSize(tenant) == chainSize(tenant));

        Map<String, String> after = nodes(tenant);
        before.forEach((node, hash) -> assertThat(after).containsEntry(node, hash));
        platform.post("/api/audit/checkpoints", Map.of()).expectStatus().isCreated();
        String note = platform.get("/api/audit/checkpoint")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String[] head = note.split("\n");
        long size = Long.parseLong(head[1]);
        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode line : AuditProofs.lines(AuditProofs.stream(platform))) {
            leaves.add(AuditProofs.leafOf(line));
        }
        assertThat(MerkleTree.root(leaves.subList(0, (int) size)))
                .isEqualTo(Base64.getDecoder().decode(head[2]));
    }

    /** What an upgrade leaves: a chain whose entries are in no tree. Only the owner can do this, triggers off. */
    private static void forgetTree(UUID tenant) throws SQLException {
        try (Connection owner = TestDatabase.superuser(databaseName());
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            statement.execute("ALTER TABLE audit_tree_nodes DISABLE TRIGGER audit_tree_nodes_refuse_update_delete");
            statement.execute("DELETE FROM audit_tree_nodes WHERE tenant_id = '" + tenant + "'");
            statement.execute("UPDATE audit_chain_heads SET tree_size = 0 WHERE tenant_id = '" + tenant + "'");
            statement.execute(
                    "ALTER TABLE audit_tree_nodes ENABLE ALWAYS TRIGGER audit_tree_nodes_refuse_update_delete");
            owner.commit();
        }
    }

    private static Map<String, String> nodes(UUID tenant) throws SQLException {
        Map<String, String> nodes = new HashMap<>();
        try (Connection owner = TestDatabase.superuser(databaseName());
                Statement statement = owner.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT level, node_index, encode(hash, 'hex') AS hash FROM audit_tree_nodes WHERE tenant_id = '"
                                + tenant + "'")) {
            while (rows.next()) {
                nodes.put(rows.getInt("level") + "/" + rows.getLong("node_index"), rows.getString("hash"));
            }
        }
        return nodes;
    }

    private static long treeSize(UUID tenant) {
        return TestDatabase.count(
                databaseName(), "SELECT tree_size FROM audit_chain_heads WHERE tenant_id = '" + tenant + "'");
    }

    private static long chainSize(UUID tenant) {
        return TestDatabase.count(
                databaseName(), "SELECT seq FROM audit_chain_heads WHERE tenant_id = '" + tenant + "'");
    }
}
