package dev.custos.query.evidence;

import dev.custos.query.tenancy.TenantWrites;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Evidence objects as committed, read over JDBC inside the caller's transaction (a command's) as the write role,
 * which sees every circle of the tenant. The rows are locked {@code FOR SHARE}: a destruction of one of them (which
 * updates its row in its own command's transaction) waits until this transaction ends, and one already under way
 * is waited for and then seen, so what a command decides from these rows stays true until it commits.
 */
@Component
public class CommittedEvidence {

    /** One object, with what decides whether it may be bundled and sealed. */
    public record Member(
            UUID id,
            UUID circleId,
            String title,
            String contentSha256,
            long contentBytes,
            boolean sealed,
            boolean destroyed) {}

    private final TenantWrites writes;

    public CommittedEvidence(TenantWrites writes) {
        this.writes = writes;
    }

    public List<Member> lockedForShare(UUID tenantId, Collection<UUID> evidenceIds) {
        return locked(tenantId, evidenceIds, "FOR SHARE");
    }

    /**
     * The objects locked {@code FOR UPDATE}, for a transaction that may go on to change them (seal them): a second
     * such transaction waits at this read, before it has taken anything the first one will need.
     */
    public List<Member> lockedForUpdate(UUID tenantId, Collection<UUID> evidenceIds) {
        return locked(tenantId, evidenceIds, "FOR UPDATE");
    }

    private List<Member> locked(UUID tenantId, Collection<UUID> evidenceIds, String lock) {
        return writes.as(tenantId)
                .query(
                        "SELECT id, circle_id, title, content_sha256, content_bytes, "
                                + "sealed_at IS NOT NULL AS sealed, chain_status = 'destroyed' AS destroyed "
                                + "FROM cc_evidence_objects WHERE id = ANY(?) ORDER BY id " + lock,
                        statement -> statement.setArray(
                                1, statement.getConnection().createArrayOf("uuid", evidenceIds.toArray())),
                        (row, index) -> new Member(
                                row.getObject("id", UUID.class),
                                row.getObject("circle_id", UUID.class),
                                row.getString("title"),
                                row.getString("content_sha256"),
                                row.getLong("content_bytes"),
                                row.getBoolean("sealed"),
                                row.getBoolean("destroyed")));
    }
}
