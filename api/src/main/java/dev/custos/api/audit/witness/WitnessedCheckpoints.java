package dev.custos.api.audit.witness;

import dev.custos.api.audit.witness.WitnessOutcome.Cosigned;
import dev.custos.api.audit.witness.WitnessOutcome.Refused;
import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.query.audit.CheckpointSigner;
import dev.custos.query.audit.Checkpoints;
import dev.custos.query.audit.Checkpoints.Signed;
import dev.custos.query.audit.TreeNodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints and has each new one cosigned by the configured witnesses. The witnesses a checkpoint is sent to
 * are recorded in the transaction that makes it; each is then sent its signed note with the consistency proof from
 * the size it last cosigned for the tenant (read from stored tree nodes), and its cosignature or refusal is stored.
 * The signed head served ({@code AuditReader.latestSignedHead}) is the newest whose witnesses have all answered and
 * none found inconsistent, with the cosignatures appended. A witness that is unavailable is an answer too: the head is
 * served with the cosignatures it has, and the next checkpoint asks that witness again, with a proof from the last
 * size it did cosign.
 *
 * <p>Blocking (JDBC and HTTP with bounded timeouts): called from the checkpoint schedule's thread or a bounded-elastic
 * worker, never an event loop. One tenant's checkpoints are witnessed one at a time in this instance, in the order
 * they were made, so a witness is never sent an older head after a newer one.
 */
@Component
public class WitnessedCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(WitnessedCheckpoints.class);
    private static final int LOCK_STRIPES = 64;

    private final Checkpoints checkpoints;
    private final Witnesses witnesses;
    private final TreeNodes treeNodes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public WitnessedCheckpoints(
            Checkpoints checkpoints,
            Witnesses witnesses,
            TreeNodes treeNodes,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.treeNodes = treeNodes;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Signs every tenant's head that moved past its last checkpoint, each witnessed; answers how many it signed. */
    public int signMovedHeads(CheckpointSigner signer) {
        int signed = 0;
        for (UUID tenant : checkpoints.movedTenants()) {
            if (sign(tenant, signer).map(Signed::created).orElse(false)) {
                signed++;
            }
        }
        return signed;
    }

    /**
     * As {@link Checkpoints#sign}; a checkpoint it makes is sent to every configured witness before this returns.
     * A witnessing round that fails (the database lost meanwhile) leaves the checkpoint unserved, never served
     * unwitnessed: the previous head is served until a later checkpoint is witnessed.
     */
    public Optional<Signed> sign(UUID tenantId, CheckpointSigner signer) {
        List<Witness> asked = witnesses.all();
        synchronized (locks[Math.floorMod(tenantId.hashCode(), LOCK_STRIPES)]) {
            Optional<Signed> signed = transactions.execute(status -> {
                Optional<Signed> made = checkpoints.sign(tenantId, signer);
                made.filter(Signed::created)
                        .ifPresent(created -> asked.forEach(witness -> jdbc.update(
                                "INSERT INTO audit_witness_requests (tenant_id, number, witness_key) VALUES (?, ?, ?)",
                                tenantId,
                                created.checkpoint().number(),
                                witness.key().toString())));
                return made;
            });
            if (signed != null && signed.isPresent() && signed.get().created() && !asked.isEmpty()) {
                long number = signed.get().checkpoint().number();
                try {
                    witness(tenantId, number);
                } catch (RuntimeException failure) {
                    log.error(
                            "Checkpoint {} of tenant {} could not be witnessed; the previous head stays served",
                            number,
                            tenantId,
                            failure);
                }
            }
            return signed == null ? Optional.empty() : signed;
        }
    }

    private void witness(UUID tenantId, long number) {
        String note = jdbc.queryForObject(
                "SELECT note FROM audit_checkpoints WHERE tenant_id = ? AND number = ?",
                String.class,
                tenantId,
                number);
        List<WitnessOutcome> outcomes = witnesses.cosign(
                note, witness -> lastCosignedSize(tenantId, witness), (from, to) -> consistency(tenantId, from, to));
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> outcomes.forEach(outcome -> {
            String key = outcome.witness().key().toString();
            if (outcome instanceof Cosigned cosigned) {
                jdbc.update(
                        "INSERT INTO audit_witness_cosignatures (tenant_id, number, witness_key, tree_size, "
                                + "signature_lines, cosigned_at) VALUES (?, ?, ?, ?, ?, ?)",
                        tenantId,
                        number,
                        key,
                        cosigned.size(),
                        cosigned.signatureLines(),
                        now);
            } else if (outcome instanceof Refused refused) {
                log.warn(
                        "Witness {} refused checkpoint {} of tenant {}: {} ({})",
                        refused.witness().name(),
                        number,
                        tenantId,
                        refused.reason(),
                        refused.detail());
                jdbc.update(
                        "INSERT INTO audit_witness_refusals (tenant_id, number, witness_key, reason, detail, "
                                + "refused_at) VALUES (?, ?, ?, ?, ?, ?)",
                        tenantId,
                        number,
                        key,
                        refused.reason().name(),
                        refused.detail(),
                        now);
            }
        }));
    }

    /** The largest tree of the tenant's this witness has cosigned, as recorded; 0 before its first. */
    private long lastCosignedSize(UUID tenantId, Witness witness) {
        Long size = jdbc.queryForObject(
                "SELECT coalesce(max(tree_size), 0) FROM audit_witness_cosignatures "
                        + "WHERE tenant_id = ? AND witness_key = ?",
                Long.class,
                tenantId,
                witness.key().toString());
        return size == null ? 0 : size;
    }

    /** The proof that the tenant's tree of {@code to} leaves extends its first {@code from}, from stored nodes. */
    private List<byte[]> consistency(UUID tenantId, long from, long to) {
        List<MerkleProofPlan.Range> ranges = MerkleProofPlan.consistency(from, to);
        return MerkleProofPlan.hashes(
                ranges,
                treeNodes.read(Map.of(tenantId, MerkleProofPlan.nodes(ranges))).getOrDefault(tenantId, Map.of()));
    }
}
