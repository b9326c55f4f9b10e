package dev.custos.verify;

import dev.custos.events.chain.MerkleTree;

/**
 * The verifier's one entry point for checking a proof against signed tree heads: the command's {@code --inclusion}
 * and {@code --consistency} both come here, and so do the published RFC 6962 test cases, so what the cases prove of
 * this code holds for the command. A proof is first checked to be about the very heads it is used with.
 */
final class ProofCheck {

    private ProofCheck() {}

    /** That the leaf {@code leafHash} of the proof's seq is in the tree of {@code headSize} leaves with {@code headRoot}. */
    static void inclusion(InclusionProof proof, byte[] leafHash, long headSize, byte[] headRoot)
            throws VerificationFailure {
        String what = "the inclusion proof of seq " + proof.seq();
        if (proof.leafIndex() != proof.seq() - 1) {
            throw new VerificationFailure(what + ": its leaf_index " + proof.leafIndex() + " is not seq - 1; the "
                    + "entry of seq n is leaf n - 1");
        }
        if (proof.treeSize() != headSize) {
            throw new VerificationFailure(what + " is for a tree of " + proof.treeSize() + " entries, but the signed "
                    + "tree head is of " + headSize + ": fetch the proof with tree_size=" + headSize);
        }
        if (!MerkleTree.verifyInclusion(proof.leafIndex(), headSize, leafHash, proof.hashes(), headRoot)) {
            throw new VerificationFailure(what + " does not lead from the entry to the root of the signed tree head "
                    + "of size " + headSize + ": the entry, the proof or the tree head was altered");
        }
    }

    /** That the tree of {@code size2} leaves with {@code root2} extends the tree of {@code size1} with {@code root1}. */
    static void consistency(ConsistencyProof proof, long size1, byte[] root1, long size2, byte[] root2)
            throws VerificationFailure {
        if (proof.from() != size1 || proof.to() != size2) {
            throw new VerificationFailure("the consistency proof is from " + proof.from() + " to " + proof.to()
                    + ", but the signed tree heads are of sizes " + size1 + " and " + size2 + ": fetch it with from="
                    + size1 + "&to=" + size2);
        }
        if (!MerkleTree.verifyConsistency(size1, size2, proof.hashes(), root1, root2)) {
            throw new VerificationFailure("the consistency proof does not prove that the tree of " + size2
                    + " entries extends the tree of " + size1 + ": the log was rewritten (the older head is not a "
                    + "prefix of the newer), or a tree head or the proof was altered");
        }
    }
}
