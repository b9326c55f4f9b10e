-- The audit chain becomes a transparency log. Entries chained from now on are of version 2: their bytes are the
-- RFC 8785 serialization of the stream line without its hashes, and they carry metadata saying who acted; entries
-- of version 1 keep their bytes. Every tenant's entries are also the leaves of an RFC 6962 Merkle tree, stored as
-- the heads of its complete subtrees so that any proof is a few rows, and every checkpoint is also a C2SP signed
-- note over the tree head.

-- Existing rows keep version 1 and no metadata; the column is added, not written, so the append-only trigger stays.
ALTER TABLE audit_chain
    ADD COLUMN entry_version smallint NOT NULL DEFAULT 1 CHECK (entry_version IN (1, 2)),
    ADD COLUMN metadata jsonb,
    ADD CONSTRAINT audit_chain_metadata_of_version_2 CHECK ((entry_version = 2) = (metadata IS NOT NULL));

-- One row per complete subtree: the node at (level, node_index) is the head of the 2^level leaves starting at
-- leaf node_index * 2^level (level 0: the leaf hashes). A tree of n leaves has fewer than 2n of them.
CREATE TABLE audit_tree_nodes (
    tenant_id  uuid     NOT NULL,
    level      smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index bigint   NOT NULL CHECK (node_index >= 0),
    hash       bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (tenant_id, level, node_index)
);

-- How many of the tenant's entries are leaves of its tree: the chain's seq, unless entries chained before this
-- migration are still being added (the follower adds them, oldest first).
ALTER TABLE audit_chain_heads ADD COLUMN tree_size bigint NOT NULL DEFAULT 0 CHECK (tree_size >= 0);

-- The signed note of the checkpoint's tree head; null for checkpoints signed before the tree existed.
ALTER TABLE audit_checkpoints ADD COLUMN note text;

CREATE TRIGGER audit_tree_nodes_refuse_update_delete BEFORE UPDATE OR DELETE ON audit_tree_nodes
    FOR EACH ROW EXECUTE FUNCTION custos_refuse_change();
CREATE TRIGGER audit_tree_nodes_refuse_truncate BEFORE TRUNCATE ON audit_tree_nodes
    FOR EACH STATEMENT EXECUTE FUNCTION custos_refuse_change();
ALTER TABLE audit_tree_nodes ENABLE ALWAYS TRIGGER audit_tree_nodes_refuse_update_delete;
ALTER TABLE audit_tree_nodes ENABLE ALWAYS TRIGGER audit_tree_nodes_refuse_truncate;

GRANT SELECT, INSERT ON audit_tree_nodes TO custos_app;
GRANT SELECT ON audit_tree_nodes TO custos_reader;
ALTER TABLE audit_tree_nodes ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_all ON audit_tree_nodes FOR ALL TO custos_app USING (true) WITH CHECK (true);
CREATE POLICY reader_tenant ON audit_tree_nodes FOR SELECT TO custos_reader
    USING (tenant_id = custos_current_tenant());
