package dev.custos.api.authority;

import dev.custos.command.authority.PasscodeHashes;
import dev.custos.query.tenancy.TenantWrites;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps a share's passcode hash in {@code authority_passcode_hashes} (migration V26), on the JDBC connection of the
 * command's own transaction, the one Axon appends the grant's event in: both commit or neither does. The table is
 * no projection (no event holds the hash), so a rebuild of the read tables leaves it alone; the runtime role may
 * only insert into it, and only the portal's definer function reads it.
 */
@Component
class StoredPasscodeHashes implements PasscodeHashes {

    private final TenantWrites writes;

    StoredPasscodeHashes(TenantWrites writes) {
        this.writes = writes;
    }

    @Override
    public void keep(UUID tenantId, UUID grantId, String passcodeHash) {
        writes.as(tenantId)
                .update(
                        "INSERT INTO authority_passcode_hashes (grant_id, tenant_id, passcode_hash) "
                                + "VALUES (?, ?, ?)",
                        grantId,
                        tenantId,
                        passcodeHash);
    }
}
