package dev.custos.verify;

import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.chain.MerkleTree;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Merkle tree of the leaves seen so far, kept as its frontier only (one complete subtree per set bit of the size),
 * so a stream of millions of lines needs O(log n) memory to give the tree head at any size it passes. A leaf may be
 * unknown (a redacted line, whose entry bytes only the service holds): every subtree holding it is then unknown too,
 * and so is the head, which is answered as absent rather than guessed.
 */
final class StreamTree {

    /** Stands in for an unknown leaf's hash; never compared, because every head it reaches is marked unknown. */
    private static final byte[] PLACEHOLDER = new byte[MerkleTree.HASH_BYTES];

    private final Map<Integer, byte[]> frontier = new HashMap<>();
    private final Set<Integer> unknownLevels = new HashSet<>();
    private long size;

    /** Appends the next leaf; {@code leafHash} is null when the leaf cannot be recomputed. */
    void append(byte[] leafHash) {
        // Appending merges the frontier's subtrees at levels 0..t-1, t the trailing ones of the size, into level t.
        int merged = Long.numberOfTrailingZeros(~size);
        boolean unknown = leafHash == null;
        for (int level = 0; level < merged; level++) {
            unknown |= unknownLevels.remove(level);
        }
        MerkleProofPlan.append(size, leafHash == null ? PLACEHOLDER : leafHash, frontier);
        if (unknown) {
            unknownLevels.add(merged);
        }
        size++;
    }

    long size() {
        return size;
    }

    /** The head of the tree of the leaves so far, or empty when a leaf under it is unknown. */
    Optional<byte[]> root() {
        if (!unknownLevels.isEmpty()) {
            return Optional.empty();
        }
        if (size == 0) {
            return Optional.of(MerkleTree.root(List.of()));
        }
        // RFC 9162 splits at the largest power of two, so the head folds the frontier from the smallest subtree up.
        byte[] head = null;
        for (int level = 0; level < Long.SIZE; level++) {
            if ((size >>> level & 1) == 1) {
                head = head == null ? frontier.get(level) : MerkleTree.nodeHash(frontier.get(level), head);
            }
        }
        return Optional.of(head);
    }
}
