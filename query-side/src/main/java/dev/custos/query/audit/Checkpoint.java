package dev.custos.query.audit;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.wire.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One signed chain head, as published: its number in the tenant's checkpoints, the head, and the signature. */
public record Checkpoint(
        long number,
        long seq,
        String hash,
        String signedAt,
        String signature,
        @Nullable String prevSignature,
        String keyId) {

    static Checkpoint of(ResultSet row) throws SQLException {
        return new Checkpoint(
                row.getLong("number"),
                row.getLong("seq"),
                ChainEncoding.hex(row.getBytes("hash")),
                row.getString("signed_at"),
                row.getString("signature"),
                row.getString("prev_signature"),
                row.getString("key_id"));
    }
}
