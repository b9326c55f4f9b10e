package dev.custos.api.audit.witness;

import java.util.List;

/** The log's RFC 6962 consistency proofs: the hashes proving the tree of {@code to} leaves extends that of {@code from}. */
@FunctionalInterface
public interface ConsistencyProofs {

    /** Called only for {@code 0 < from < to}, {@code to} being the new checkpoint's size. */
    List<byte[]> between(long from, long to);
}
