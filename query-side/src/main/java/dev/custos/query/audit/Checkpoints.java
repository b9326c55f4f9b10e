package dev.custos.query.audit;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.SignedNote;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs tenants' chain heads. A checkpoint covers the tenant, the head's seq and hash, when it was signed, the
 * previous checkpoint's signature and the key's id; the same key signs the same head as a C2SP signed note over the
 * Merkle tree of the first seq entries. It is numbered per tenant, and the number is the primary key,
 * so two signers can never make two checkpoints claim one place. Everything a checkpoint chains to is read from
 * the database, so the chain of checkpoints continues across restarts and instances.
 */
@Component
public class Checkpoints {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TreeNodes treeNodes;

    public Checkpoints(
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, TreeNodes treeNodes) {
        this.jdbc = jdbc;
        this.treeNodes = treeNodes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Signs every tenant's head that has moved past its last checkpoint; answers how many it signed. */
    public int signMovedHeads(CheckpointSigner signer) {
        int signed = 0;
        for (UUID tenant : movedTenants()) {
            if (sign(tenant, signer).map(Signed::created).orElse(false)) {
                signed++;
            }
        }
        return signed;
    }

    /** The tenants whose tree has grown past their last checkpoint. */
    public List<UUID> movedTenants() {
        return jdbc.queryForList(
                "SELECT h.tenant_id FROM audit_chain_heads h WHERE h.tree_size > "
                        + "coalesce((SELECT max(c.seq) FROM audit_checkpoints c WHERE c.tenant_id = h.tenant_id), 0)",
                UUID.class);
    }

    /**
     * Signs the tenant's head unless its last checkpoint already covers it, in which case that one is answered;
     * empty when the tenant has no chained event yet. Joins the caller's transaction if there is one, so that what the
     * caller records of a new checkpoint commits with it.
     */
    public Optional<Signed> sign(UUID tenantId, CheckpointSigner signer) {
        return Optional.ofNullable(transactions.execute(status -> {
            // One signer per tenant at a time: the next checkpoint's number and previous signature are read here.
            jdbc.queryForObject(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                    Object.class,
                    "custos.audit.checkpoint." + tenantId);
            // The head signed is the tree's: the chain's own head, unless entries chained before the tree existed
            // are still being added to it.
            List<Head> heads = jdbc.query(
                    "SELECT c.seq, c.hash FROM audit_chain_heads h JOIN audit_chain c "
                            + "ON c.tenant_id = h.tenant_id AND c.seq = h.tree_size WHERE h.tenant_id = ?",
                    (row, n) -> new Head(row.getLong("seq"), row.getBytes("hash")),
                    tenantId);
            if (heads.isEmpty()) {
                return null;
            }
            Head head = heads.get(0);
            List<Checkpoint> last = jdbc.query(
                    "SELECT number, seq, hash, signed_at, signature, prev_signature, "
                            + "key_id FROM audit_checkpoints WHERE tenant_id = ? ORDER BY number DESC LIMIT 1",
                    (row, n) -> Checkpoint.of(row),
                    tenantId);
            if (!last.isEmpty() && last.get(0).seq() == head.seq()) {
                return new Signed(last.get(0), false);
            }
            publish(signer);
            long number = last.isEmpty() ? 1 : last.get(0).number() + 1;
            String previousSignature = last.isEmpty() ? null : last.get(0).signature();
            String hash = ChainEncoding.hex(head.hash());
            String signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
            String signature = signer.sign(ChainEncoding.checkpointBytes(
                    tenantId, head.seq(), hash, signedAt, previousSignature, signer.keyId()));
            String note = note(tenantId, head.seq(), signer);
            jdbc.update(
                    "INSERT INTO audit_checkpoints (tenant_id, number, seq, hash, signed_at, signature, "
                            + "prev_signature, key_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenantId,
                    number,
                    head.seq(),
                    head.hash(),
                    signedAt,
                    signature,
                    previousSignature,
                    signer.keyId(),
                    note);
            return new Signed(
                    new Checkpoint(number, head.seq(), hash, signedAt, signature, previousSignature, signer.keyId()),
                    true);
        }));
    }

    /** The C2SP signed note of the tenant's tree head of {@code size} leaves, signed by the same key. */
    private String note(UUID tenantId, long size, CheckpointSigner signer) {
        String text = SignedNote.checkpointText(signer.noteOrigin(tenantId), size, treeNodes.root(tenantId, size));
        byte[] signature = Base64.getDecoder().decode(signer.sign(text.getBytes(StandardCharsets.UTF_8)));
        String keyName = signer.noteKeyName();
        return text + "\n"
                + SignedNote.signatureLine(
                        keyName, SignedNote.keyId(keyName, SignedNote.ED25519, signer.publicKey()), signature);
    }

    /** Records the key the first time it signs, so its public half stays published after a rotation. */
    private void publish(CheckpointSigner signer) {
        jdbc.update(
                "INSERT INTO audit_signing_keys (key_id, public_key, first_used_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (key_id) DO NOTHING",
                signer.keyId(),
                signer.publicKeyPem(),
                java.sql.Timestamp.from(clock.instant()));
    }

    /** A checkpoint, and whether this call made it. */
    public record Signed(Checkpoint checkpoint, boolean created) {}

    private record Head(long seq, byte[] hash) {}
}
