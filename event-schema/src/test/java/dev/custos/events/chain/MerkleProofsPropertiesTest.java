package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The proofs {@link MerkleTree} makes are the ones it (and so any RFC 9162 verifier) accepts, for every leaf and
 * every earlier size of trees up to 70 leaves; and a proof with one hash changed, or checked against another leaf or
 * another tree's head, is refused.
 */
class MerkleProofsPropertiesTest {

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return leaves;
    }

    @Property(tries = 200)
    void everyLeafIsProvenInItsTreeAndNowhereElse(
            @ForAll @IntRange(min = 1, max = 70) int size, @ForAll @IntRange(min = 0, max = 69) int leaf) {
        int index = leaf % size;
        List<byte[]> leaves = leaves(size);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(index, leaves);

        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root))
                .isTrue();
        // A wrong size is not always caught by the proof alone (the head binds the size only through the signed
        // tree head, which names it), but a head of another tree is.
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, MerkleTree.root(leaves(size + 1))))
                .isFalse();
        if (size > 1) {
            int other = (index + 1) % size;
            assertThat(MerkleTree.verifyInclusion(other, size, leaves.get(index), proof, root))
                    .isFalse();
            List<byte[]> tampered = new ArrayList<>(proof);
            byte[] changed = tampered.get(0).clone();
            changed[0] ^= 1;
            tampered.set(0, changed);
            assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), tampered, root))
                    .isFalse();
        }
    }

    @Property(tries = 200)
    void everyTreeIsProvenToExtendEachOfItsPrefixes(
            @ForAll @IntRange(min = 2, max = 70) int size, @ForAll @IntRange(min = 1, max = 69) int earlier) {
        int size1 = 1 + (earlier - 1) % (size - 1);
        List<byte[]> leaves = leaves(size);
        byte[] root1 = MerkleTree.root(leaves.subList(0, size1));
        byte[] root2 = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(size1, leaves);

        assertThat(MerkleTree.verifyConsistency(size1, size, proof, root1, root2))
                .isTrue();
        assertThat(MerkleTree.verifyConsistency(size1, size, proof, root2, root1))
                .isFalse();
        List<byte[]> tampered = new ArrayList<>(proof);
        byte[] changed = tampered.get(tampered.size() - 1).clone();
        changed[0] ^= 1;
        tampered.set(tampered.size() - 1, changed);
        assertThat(MerkleTree.verifyConsistency(size1, size, tampered, root1, root2))
                .isFalse();
    }
}
