package dev.custos.events.chain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subtrees a proof is made of, so that a stored tree can make it in O(log n) reads. RFC 9162's inclusion path
 * and consistency proof are lists of subtree heads; every such subtree starts at a multiple of a power of two no
 * smaller than itself, so its head is the fold of at most log2(n) complete ("perfect") subtrees, each one stored
 * node. A proof of a tree of n leaves needs at most 2·log2(n) nodes, which one query fetches.
 */
public final class MerkleProofPlan {

    private MerkleProofPlan() {}

    /** The leaves {@code [start, start + size)}: one subtree of the tree. */
    public record Range(long start, long size) {}

    /** A stored node: the head of the complete subtree of {@code 2^level} leaves starting at {@code index·2^level}. */
    public record Node(int level, long index) {}

    /** The subtrees of the inclusion proof of leaf {@code index} in a tree of {@code size} leaves, nearest first. */
    public static List<Range> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> ranges = new ArrayList<>();
        path(index, 0, size, ranges);
        return ranges;
    }

    private static void path(long index, long from, long size, List<Range> ranges) {
        if (size == 1) {
            return;
        }
        long split = Long.highestOneBit(size - 1);
        if (index < split) {
            path(index, from, split, ranges);
            ranges.add(new Range(from + split, size - split));
        } else {
            path(index - split, from + split, size - split, ranges);
            ranges.add(new Range(from, split));
        }
    }

    /** The subtrees of the proof that the tree of {@code size2} leaves extends its first {@code size1}, {@code 0 < size1 < size2}. */
    public static List<Range> consistency(long size1, long size2) {
        if (size1 <= 0 || size1 >= size2) {
            throw new IllegalArgumentException("no proof from " + size1 + " leaves to a tree of " + size2);
        }
        List<Range> ranges = new ArrayList<>();
        subproof(size1, 0, size2, true, ranges);
        return ranges;
    }

    private static void subproof(long size1, long from, long size, boolean wholeOldTree, List<Range> ranges) {
        if (size1 == size) {
            if (!wholeOldTree) {
                ranges.add(new Range(from, size));
            }
            return;
        }
        long split = Long.highestOneBit(size - 1);
        if (size1 <= split) {
            subproof(size1, from, split, wholeOldTree, ranges);
            ranges.add(new Range(from + split, size - split));
        } else {
            subproof(size1 - split, from + split, size - split, false, ranges);
            ranges.add(new Range(from, split));
        }
    }

    /** The range of the whole tree of {@code size} leaves, whose head is the tree head. */
    public static Range whole(long size) {
        return new Range(0, size);
    }

    /** The complete subtrees of a range, left to right: the largest aligned power of two first. */
    public static List<Node> nodes(Range range) {
        List<Node> nodes = new ArrayList<>();
        long start = range.start();
        long end = range.start() + range.size();
        while (start < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - start);
            if (start != 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(start));
            }
            nodes.add(new Node(level, start >>> level));
            start += 1L << level;
        }
        return nodes;
    }

    /** Every node the ranges need, each once. */
    public static Set<Node> nodes(List<Range> ranges) {
        Set<Node> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(nodes(range)));
        return nodes;
    }

    /** The head of each range, from the stored nodes' hashes: the proof, in the ranges' order. */
    public static List<byte[]> hashes(List<Range> ranges, Map<Node, byte[]> stored) {
        List<byte[]> hashes = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            hashes.add(head(range, stored));
        }
        return hashes;
    }

    /** The head of one range: its complete subtrees folded from the right, as RFC 9162 splits a tree. */
    public static byte[] head(Range range, Map<Node, byte[]> stored) {
        List<Node> nodes = nodes(range);
        byte[] hash = hashOf(nodes.get(nodes.size() - 1), stored);
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = MerkleTree.nodeHash(hashOf(nodes.get(i), stored), hash);
        }
        return hash;
    }

    private static byte[] hashOf(Node node, Map<Node, byte[]> stored) {
        byte[] hash = stored.get(node);
        if (hash == null) {
            throw new IllegalStateException("the tree has no node " + node);
        }
        return hash;
    }

    /**
     * The nodes a tree of {@code size} leaves gains when leaf {@code size} is appended with {@code leafHash}: the
     * leaf, and each subtree it completes, with its hash. {@code frontier} holds the tree's complete subtrees on its
     * right edge (level → hash) and is updated to the new tree's.
     */
    public static Map<Node, byte[]> append(long size, byte[] leafHash, Map<Integer, byte[]> frontier) {
        Map<Node, byte[]> added = new java.util.LinkedHashMap<>();
        int level = 0;
        long index = size;
        byte[] hash = leafHash;
        added.put(new Node(0, index), hash);
        while ((index & 1) == 1) {
            byte[] left = frontier.remove(level);
            if (left == null) {
                throw new IllegalStateException("the frontier lacks level " + level + " at size " + size);
            }
            hash = MerkleTree.nodeHash(left, hash);
            level++;
            index >>>= 1;
            added.put(new Node(level, index), hash);
        }
        frontier.put(level, hash);
        return added;
    }

    /** The nodes of a tree of {@code size} leaves' right edge, one per set bit of {@code size}: the frontier. */
    public static List<Node> frontier(long size) {
        return nodes(whole(size));
    }
}
