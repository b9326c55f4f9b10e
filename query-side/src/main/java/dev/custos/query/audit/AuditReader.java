package dev.custos.query.audit;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The auditor's reads: the tenant's chained events in chain order, its checkpoints, and the signing keys. */
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
                                "SELECT c.seq, c.prev_hash, c.hash, e.event_identifier, "
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
                event);
    }

    private static byte[] bytes(Readable row, String column) {
        ByteBuffer buffer = row.get(column, ByteBuffer.class);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** One event in its tenant's chain, with the hashes the service stored for it. */
    public record Link(long seq, String prevHash, String hash, ChainedEvent event) {}

    /** A public key checkpoints are signed with. */
    public record SigningKey(String keyId, String publicKeyPem) {}
}
