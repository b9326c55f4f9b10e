package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A tree kept as stored nodes, grown one leaf at a time by {@link MerkleProofPlan#append}, gives the same heads and
 * the same proofs as the tree hashed from all its leaves, from few nodes: what lets the service prove any entry of a
 * million-entry log with one small read.
 */
class MerkleProofPlanTest {

    private static final int LEAVES = 70;

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return leaves;
    }

    private static Map<MerkleProofPlan.Node, byte[]> stored(List<byte[]> leaves) {
        Map<MerkleProofPlan.Node, byte[]> nodes = new HashMap<>();
        Map<Integer, byte[]> frontier = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            nodes.putAll(MerkleProofPlan.append(i, leaves.get(i), frontier));
        }
        return nodes;
    }

    @Property(tries = 300)
    void storedNodesMakeTheSameHeadsAndProofs(
            @ForAll @IntRange(min = 1, max = LEAVES) int size, @ForAll @IntRange(min = 0, max = LEAVES) int other) {
        List<byte[]> all = leaves(LEAVES);
        Map<MerkleProofPlan.Node, byte[]> stored = stored(all);
        List<byte[]> leaves = all.subList(0, size);
        int index = other % size;

        assertThat(MerkleProofPlan.head(MerkleProofPlan.whole(size), stored)).isEqualTo(MerkleTree.root(leaves));
        assertThat(MerkleProofPlan.hashes(MerkleProofPlan.inclusion(index, size), stored))
                .containsExactlyElementsOf(MerkleTree.inclusionProof(index, leaves));
        int size1 = 1 + other % size;
        if (size1 < size) {
            assertThat(MerkleProofPlan.hashes(MerkleProofPlan.consistency(size1, size), stored))
                    .containsExactlyElementsOf(MerkleTree.consistencyProof(size1, leaves));
        }
    }

    @Test
    void aProofInAMillionLeafTreeReadsAtMostTwoNodesPerLevel() {
        long size = 1_000_000;
        int levels = 64 - Long.numberOfLeadingZeros(size - 1); // 20
        for (long index : new long[] {0, 1, 499_999, 524_287, 524_288, 999_998, 999_999}) {
            List<MerkleProofPlan.Range> ranges = MerkleProofPlan.inclusion(index, size);
            assertThat(ranges).hasSizeLessThanOrEqualTo(levels);
            assertThat(MerkleProofPlan.nodes(ranges)).hasSizeLessThanOrEqualTo(2 * levels);
        }
        for (long size1 : new long[] {1, 2, 3, 500_000, 524_288, 999_999}) {
            List<MerkleProofPlan.Range> ranges = MerkleProofPlan.consistency(size1, size);
            assertThat(ranges).hasSizeLessThanOrEqualTo(levels + 1);
            assertThat(MerkleProofPlan.nodes(ranges)).hasSizeLessThanOrEqualTo(2 * levels + 2);
        }
    }

    @Test
    void aNodeTheStoreLacksIsNotGuessed() {
        Map<MerkleProofPlan.Node, byte[]> stored = stored(leaves(5));
        assertThatThrownBy(() -> MerkleProofPlan.head(MerkleProofPlan.whole(6), stored))
                .isInstanceOf(IllegalStateException.class);
    }
}
