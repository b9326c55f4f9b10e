package dev.custos.events.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 / RFC 9162 §2.1 over SHA-256: leaves hashed as {@code SHA-256(0x00 || entry)}, nodes
 * as {@code SHA-256(0x01 || left || right)}, and the tree of {@code n} leaves split at the largest power of two
 * below {@code n}. It computes tree heads, inclusion and consistency proofs, and checks them; it is the one place
 * both the service (which proves) and the offline verifier (which checks) take these rules from. The proofs here
 * hash the leaves they are given, along the subtrees {@link MerkleProofPlan} names; the stored tree reads the same
 * subtrees' nodes instead.
 *
 * <p>The checks follow the decomposition of transparency-dev/merkle (an inclusion proof is the inner part, from the
 * leaf up to where its path and the tree's last path part, then the right border), whose published test cases,
 * happy and corrupted alike, {@code MerkleTreeVectorsTest} runs: a proof of the wrong length, an index past the
 * tree, a size that does not grow, all are refused, not only a hash that differs.
 */
public final class MerkleTree {

    /** The length of every hash here, in bytes. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {}

    /** The hash of one leaf: {@code SHA-256(0x00 || entry)}. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF);
        sha256.update(entry);
        return sha256.digest();
    }

    /** The hash of an inner node: {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The tree head over these leaf hashes, in order (RFC 9162 §2.1.1); the empty tree's is SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256().digest();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /**
     * The inclusion proof of leaf {@code index} among these leaf hashes (RFC 9162 §2.1.3.1), the sibling nearest the
     * leaf first: what {@link #verifyInclusion} takes.
     */
    public static List<byte[]> inclusionProof(int index, List<byte[]> leafHashes) {
        return heads(MerkleProofPlan.inclusion(index, leafHashes.size()), leafHashes);
    }

    /**
     * The proof that the tree of these leaf hashes extends its first {@code size1} leaves (RFC 9162 §2.1.4.1), for
     * {@code 0 < size1 < n}: what {@link #verifyConsistency} takes.
     */
    public static List<byte[]> consistencyProof(int size1, List<byte[]> leafHashes) {
        return heads(MerkleProofPlan.consistency(size1, leafHashes.size()), leafHashes);
    }

    private static List<byte[]> heads(List<MerkleProofPlan.Range> ranges, List<byte[]> leafHashes) {
        List<byte[]> proof = new ArrayList<>(ranges.size());
        for (MerkleProofPlan.Range range : ranges) {
            proof.add(subtreeRoot(leafHashes, Math.toIntExact(range.start()), Math.toIntExact(range.size())));
        }
        return proof;
    }

    private static byte[] subtreeRoot(List<byte[]> leafHashes, int from, int size) {
        if (size == 1) {
            return leafHashes.get(from);
        }
        int split = Integer.highestOneBit(size - 1);
        return nodeHash(subtreeRoot(leafHashes, from, split), subtreeRoot(leafHashes, from + split, size - split));
    }

    /**
     * Whether {@code proof} proves the leaf with {@code leafHash} at {@code index} in the tree of {@code size}
     * leaves whose head is {@code root}.
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        if (proof.size() != inner + border) {
            return false;
        }
        byte[] computed = chainInner(leafHash, proof.subList(0, inner), index);
        computed = chainBorderRight(computed, proof.subList(inner, proof.size()));
        return MessageDigest.isEqual(computed, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code size2} leaves with head {@code root2} extends the tree of
     * {@code size1} leaves with head {@code root1} (RFC 9162 §2.1.4). Equal sizes need an empty proof and equal
     * heads. A proof from the empty tree proves nothing and is refused, whatever it claims: every tree extends it.
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 <= 0 || size2 < size1 || proof == null || root1 == null || root2 == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty() || !allHashes(proof) || !isHash(root1) || !isHash(root2)) {
            return false;
        }
        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift;
        // The proof starts with the head of the subtree of 2^shift leaves, unless size1 is that very power of two,
        // whose head is root1 itself.
        boolean startsAtRoot1 = size1 == 1L << shift;
        byte[] seed = startsAtRoot1 ? root1 : proof.get(0);
        int start = startsAtRoot1 ? 0 : 1;
        if (proof.size() != start + inner + border) {
            return false;
        }
        List<byte[]> rest = proof.subList(start, proof.size());
        long mask = (size1 - 1) >>> shift;
        byte[] first =
                chainBorderRight(chainInnerRight(seed, rest.subList(0, inner), mask), rest.subList(inner, rest.size()));
        if (!MessageDigest.isEqual(first, root1)) {
            return false;
        }
        byte[] second =
                chainBorderRight(chainInner(seed, rest.subList(0, inner), mask), rest.subList(inner, rest.size()));
        return MessageDigest.isEqual(second, root2);
    }

    /** The number of proof hashes below the level where the leaf's path and the last leaf's path part. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int level = 0; level < proof.size(); level++) {
            hash = ((index >>> level) & 1) == 0 ? nodeHash(hash, proof.get(level)) : nodeHash(proof.get(level), hash);
        }
        return hash;
    }

    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] hash = seed;
        for (int level = 0; level < proof.size(); level++) {
            if (((index >>> level) & 1) == 1) {
                hash = nodeHash(proof.get(level), hash);
            }
        }
        return hash;
    }

    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] hash = seed;
        for (byte[] sibling : proof) {
            hash = nodeHash(sibling, hash);
        }
        return hash;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_BYTES;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleTree::isHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
