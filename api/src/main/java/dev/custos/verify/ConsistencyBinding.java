package dev.custos.verify;

import dev.custos.events.chain.MerkleProofPlan;
import dev.custos.events.chain.MerkleProofPlan.Range;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the lines an auditor fetched after a trusted tree head of {@code from} entries to a consistency proof up to
 * {@code to}: the proof's subtrees either lie wholly among the old entries (checked by the proof against the old
 * head) or wholly among the new ones, which they partition; each new subtree's head is recomputed from the new lines
 * as they pass, and must be the proof's hash at its place. With the proof checked against both heads, that proves
 * the new lines are exactly the entries the newer head signs after the older one. One subtree is built at a time,
 * as a frontier, so memory stays O(log n).
 */
final class ConsistencyBinding {

    /** One subtree of the new entries and its place in the proof. */
    private record Part(Range range, int position) {}

    private final List<Part> parts = new ArrayList<>();
    private final List<byte[]> proof;
    private int next;
    private StreamTree building;
    private final List<Long> unverifiable = new ArrayList<>();

    ConsistencyBinding(long from, long to, List<byte[]> proof) throws VerificationFailure {
        this.proof = proof;
        if (from == to) {
            return;
        }
        List<Range> ranges = MerkleProofPlan.consistency(from, to);
        if (ranges.size() != proof.size()) {
            throw new VerificationFailure("the consistency proof has " + proof.size() + " hashes where a proof from "
                    + from + " to " + to + " has " + ranges.size());
        }
        for (int position = 0; position < ranges.size(); position++) {
            Range range = ranges.get(position);
            if (range.start() >= from) {
                parts.add(new Part(range, position));
            } else if (range.start() + range.size() > from) {
                throw new VerificationFailure("the consistency proof's subtree of entries " + range.start() + ".."
                        + (range.start() + range.size() - 1) + " straddles the older tree head: it cannot be bound");
            }
        }
        parts.sort((a, b) -> Long.compare(a.range().start(), b.range().start()));
        long covered = from;
        for (Part part : parts) {
            if (part.range().start() != covered) {
                throw new VerificationFailure("the consistency proof's subtrees do not cover the new entries from "
                        + covered + " without a gap");
            }
            covered += part.range().size();
        }
        if (covered != to) {
            throw new VerificationFailure("the consistency proof's subtrees do not reach entry " + to);
        }
    }

    /**
     * The next new line's leaf, at {@code leafIndex}; {@code leafHash} is null for a redacted line. The failure
     * names {@code where}, the line that completed the subtree.
     */
    void accept(long leafIndex, byte[] leafHash, String where) throws VerificationFailure {
        if (next == parts.size()) {
            return;
        }
        Part part = parts.get(next);
        if (building == null) {
            building = new StreamTree();
        }
        building.append(leafHash);
        if (leafIndex + 1 < part.range().start() + part.range().size()) {
            return;
        }
        long first = part.range().start() + 1;
        long last = part.range().start() + part.range().size();
        byte[] head = building.root().orElse(null);
        if (head == null) {
            unverifiable.add(first);
        } else if (!MessageDigest.isEqual(head, proof.get(part.position()))) {
            throw new VerificationFailure(where + "the lines of seq " + first + ".." + last + " do not give the "
                    + "consistency proof's hash " + (part.position() + 1) + " of " + proof.size() + ": these are "
                    + "not the entries the newer signed tree head covers (lines altered, removed, added or reordered)");
        }
        building = null;
        next++;
    }

    /** Whether every subtree of new entries has been seen. */
    boolean complete() {
        return next == parts.size();
    }

    /** The first seq of each subtree whose head could not be recomputed (it holds a redacted line). */
    List<Long> unverifiable() {
        return unverifiable;
    }
}
