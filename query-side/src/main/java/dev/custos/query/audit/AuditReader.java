package dev.custos.query.audit;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.chain.MerkleProofPlan.Node;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The auditor's reads: the tenant's chained events in chain order, its checkpoints and signed tree heads, proofs from
 * its Merkle tree, and the signing keys.
 */
@Component
public class AuditReader {

    /** Rows the database sends per round trip while streaming: the stream holds about this many at once. */
    private static final int FETCH = 256;

    private final TenantReads reads;

    public AuditReader(TenantReads reads) {
        this.reads = reads;
    }

    /**
     * The tenant's events after {@code afterSeq}, at most {@code limit}, in chain order. Rows are fetched as the
     * subscriber asks for them (a cursor of {@value #FETCH} rows), so a million events never sit in memory.
     */
    public Flux<Link> stream(TenantScope scope, long afterSeq, long limit) {
        return reads.many(
                scope,
                db -> db.sql(
                                "SELECT c.seq, c.prev_hash, c.hash, c.entry_version, c.metadata::text AS metadata, e.event_identifier, "
                                        + "e.payload_type, e.payload_revision, e.type, e.aggregate_identifier, e.sequence_number, "
                                        + "e.time_stamp, e.payload FROM audit_chain c JOIN domain_event_entry e "
                                        + "ON e.global_index = c.global_index "
                                        + "WHERE c.tenant_id = custos_current_tenant() AND c.seq > :after ORDER BY c.seq LIMIT :limit")
                        .bind("after", afterSeq)
                        .bind("limit", limit)
                        .filter(statement -> statement.fetchSize(FETCH))
                        .map(AuditReader::link)
                        .all());
    }

    /** The tenant's checkpoints, newest first. */
    public Flux<Checkpoint> checkpoints(TenantScope scope, int limit, long offset) {
        return reads.many(
                scope,
                db -> db.sql("SELECT number, seq, hash, signed_at, signature, prev_signature, "
                                + "key_id FROM audit_checkpoints WHERE tenant_id = custos_current_tenant() "
                                + "ORDER BY number DESC LIMIT :limit OFFSET :offset")
                        .bind("limit", limit)
                        .bind("offset", offset)
                        .map(row -> new Checkpoint(
                                row.get("number", Long.class),
                                row.get("seq", Long.class),
                                ChainEncoding.hex(bytes(row, "hash")),
                                row.get("signed_at", String.class),
                                row.get("signature", String.class),
                                row.get("prev_signature", String.class),
                                row.get("key_id", String.class)))
                        .all());
    }

    /** Every key the service has signed checkpoints with, oldest first. */
    public Flux<SigningKey> signingKeys(TenantScope scope) {
        return reads.many(
                scope,
                db -> db.sql("SELECT key_id, public_key FROM audit_signing_keys " + "ORDER BY first_used_at, key_id")
                        .map(row ->
                                new SigningKey(row.get("key_id", String.class), row.get("public_key", String.class)))
                        .all());
    }

    /** How many of the tenant's entries its Merkle tree holds (0 before its first). */
    public Mono<Long> treeSize(TenantScope scope) {
        return reads.one(
                        scope,
                        db -> db.sql(
                                        "SELECT tree_size FROM audit_chain_heads WHERE tenant_id = custos_current_tenant()")
                                .map(row -> row.get("tree_size", Long.class))
                                .one())
                .defaultIfEmpty(0L);
    }

    /**
     * The tenant's signed tree head to serve: its tree size and the note with the witnesses' cosignature lines after
     * the log's signature line; empty before one. It is the newest checkpoint with a signed note that every witness
     * it was sent to has answered (with a cosignature or a refusal) and that no witness refused as inconsistent with
     * a head it cosigned before: a head a witness rejected is never served, nor one still awaiting its witnesses.
     * Without witnesses, that is the newest checkpoint with a note.
     */
    public Mono<SignedHead> latestSignedHead(TenantScope scope) {
        return reads.one(
                scope,
                db -> db.sql("SELECT c.seq, c.signed_at, c.note || coalesce((SELECT string_agg(w.signature_lines, '' "
                                + "ORDER BY w.witness_key) FROM audit_witness_cosignatures w "
                                + "WHERE w.tenant_id = c.tenant_id AND w.number = c.number), '') AS note "
                                + "FROM audit_checkpoints c WHERE c.tenant_id = custos_current_tenant() "
                                + "AND c.note IS NOT NULL "
                                + "AND NOT EXISTS (SELECT 1 FROM audit_witness_refusals r WHERE r.tenant_id = c.tenant_id "
                                + "AND r.number = c.number AND r.reason = 'INCONSISTENT') "
                                + "AND NOT EXISTS (SELECT 1 FROM audit_witness_requests q WHERE q.tenant_id = c.tenant_id "
                                + "AND q.number = c.number "
                                + "AND NOT EXISTS (SELECT 1 FROM audit_witness_cosignatures w WHERE w.tenant_id = q.tenant_id "
                                + "AND w.number = q.number AND w.witness_key = q.witness_key) "
                                + "AND NOT EXISTS (SELECT 1 FROM audit_witness_refusals r WHERE r.tenant_id = q.tenant_id "
                                + "AND r.number = q.number AND r.witness_key = q.witness_key)) "
                                + "ORDER BY c.number DESC LIMIT 1")
                        .map(row -> new SignedHead(
                                row.get("seq", Long.class),
                                row.get("signed_at", String.class),
                                row.get("note", String.class)))
                        .one());
    }

    /** The name of the tenant whose log this is, as its readers are shown it. */
    public Mono<String> logOwner(TenantScope scope) {
        return reads.one(
                scope,
                db -> db.sql("SELECT name FROM cc_tenants WHERE tenant_id = custos_current_tenant()")
                        .map(row -> row.get("name", String.class))
                        .one());
    }

    /** The heads of the subtrees the ranges name (a proof), from the tenant's stored nodes, in one query. */
    public Mono<List<byte[]>> proof(TenantScope scope, List<MerkleProofPlan.Range> ranges) {
        return nodes(scope, MerkleProofPlan.nodes(ranges)).map(stored -> MerkleProofPlan.hashes(ranges, stored));
    }

    /** The tenant's stored tree nodes among {@code wanted}, in one query. */
    public Mono<Map<Node, byte[]>> nodes(TenantScope scope, Set<Node> wanted) {
        if (wanted.isEmpty()) {
            return Mono.just(Map.of());
        }
        Integer[] levels = wanted.stream().map(Node::level).toArray(Integer[]::new);
        Long[] indexes = wanted.stream().map(Node::index).toArray(Long[]::new);
        return reads.many(
                        scope,
                        db -> db.sql("SELECT n.level, n.node_index, n.hash FROM audit_tree_nodes n "
                                        + "JOIN unnest(CAST(:levels AS int[]), CAST(:indexes AS bigint[])) AS w(level, node_index) "
                                        + "ON n.level = w.level AND n.node_index = w.node_index "
                                        + "WHERE n.tenant_id = custos_current_tenant()")
                                .bind("levels", levels)
                                .bind("indexes", indexes)
                                .map(row -> Map.entry(
                                        new Node(row.get("level", Integer.class), row.get("node_index", Long.class)),
                                        bytes(row, "hash")))
                                .all())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The chained entries of version 2 among the first {@code treeSize} of the tenant's, of these event types and
     * aggregates: how a receipt finds the event that sealed or assembled an object.
     */
    public Flux<Link> entriesOf(TenantScope scope, List<String> aggregateIds, List<String> eventTypes, long treeSize) {
        if (aggregateIds.isEmpty()) {
            return Flux.empty();
        }
        return reads.many(
                scope,
                db -> db.sql(
                                "SELECT c.seq, c.prev_hash, c.hash, c.entry_version, c.metadata::text AS metadata, "
                                        + "e.event_identifier, e.payload_type, e.payload_revision, e.type, e.aggregate_identifier, "
                                        + "e.sequence_number, e.time_stamp, e.payload FROM domain_event_entry e "
                                        + "JOIN audit_chain c ON c.global_index = e.global_index "
                                        + "WHERE e.aggregate_identifier = ANY (CAST(:aggregates AS varchar[])) "
                                        + "AND e.payload_type = ANY (CAST(:types AS varchar[])) "
                                        + "AND c.tenant_id = custos_current_tenant() AND c.entry_version = 2 AND c.seq <= :size")
                        .bind("aggregates", aggregateIds.toArray(String[]::new))
                        .bind("types", eventTypes.toArray(String[]::new))
                        .bind("size", treeSize)
                        .map(AuditReader::link)
                        .all());
    }

    private static Link link(Readable row) {
        ChainedEvent event = new ChainedEvent(
                row.get("event_identifier", String.class),
                row.get("payload_type", String.class),
                row.get("payload_revision", String.class),
                row.get("type", String.class),
                row.get("aggregate_identifier", String.class),
                row.get("sequence_number", Long.class),
                row.get("time_stamp", String.class),
                ChainFollower.payload(bytes(row, "payload")));
        return new Link(
                row.get("seq", Long.class),
                ChainEncoding.hex(bytes(row, "prev_hash")),
                ChainEncoding.hex(bytes(row, "hash")),
                event,
                row.get("entry_version", Integer.class),
                ChainFollower.metadata(row.get("metadata", String.class)));
    }

    private static byte[] bytes(Readable row, String column) {
        ByteBuffer buffer = row.get(column, ByteBuffer.class);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * One event in its tenant's chain, with the hashes the service stored for it, its entry version and, for
     * version 2, the metadata chained with it.
     */
    public record Link(
            long seq,
            String prevHash,
            String hash,
            ChainedEvent event,
            int entryVersion,
            Map<String, String> metadata) {}

    /** A signed tree head: the tree size it signs, when, and the C2SP signed note with its cosignatures. */
    public record SignedHead(long treeSize, String signedAt, String note) {}

    /** A public key checkpoints are signed with. */
    public record SigningKey(String keyId, String publicKeyPem) {}
}
