package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    /** The example checkpoint of the tlog-checkpoint specification. */
    static final String SPEC_TEXT =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void readsTheSpecificationsExample() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_TEXT);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.text()).isEqualTo(SPEC_TEXT);
    }

    @Test
    void keepsExtensionLines() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_TEXT + "— ext one\nsecond\n");

        assertThat(checkpoint.extensions()).containsExactly("— ext one", "second");
        assertThat(checkpoint.text()).isEqualTo(SPEC_TEXT + "— ext one\nsecond\n");
    }

    @Test
    void readsWhatTheWritingSideWrites() {
        byte[] root = MerkleTree.root(List.of());
        String text = SignedNote.checkpointText("custos.example/custos/t1", 0, root);

        Checkpoint checkpoint = Checkpoint.parse(text);

        assertThat(checkpoint.size()).isZero();
        assertThat(checkpoint.root()).isEqualTo(root);
        assertThat(checkpoint.text()).isEqualTo(text);
    }

    @Test
    void refusesMalformedCheckpoints() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        List<String> malformed = List.of(
                "o\n20852163\n" + root,
                "o\n20852163\n",
                "\n20852163\n" + root + "\n",
                "o\n020852163\n" + root + "\n",
                "o\n-1\n" + root + "\n",
                "o\n+1\n" + root + "\n",
                "o\n 1\n" + root + "\n",
                "o\n9223372036854775808\n" + root + "\n",
                "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
                "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
                "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n",
                "o\n1\n" + root + "\n\next\n");
        for (String text : malformed) {
            assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(NoteException.class);
        }
    }

    @Test
    void sizesAreDecimalWithoutLeadingZeros() {
        assertThat(Checkpoint.parseSize("0")).isZero();
        assertThat(Checkpoint.parseSize("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Checkpoint.parseSize("00")).isEqualTo(-1);
        assertThat(Checkpoint.parseSize("")).isEqualTo(-1);
        assertThat(Checkpoint.parseSize("1e3")).isEqualTo(-1);
        assertThat(Checkpoint.parseSize("\u0661")).isEqualTo(-1);
    }
}
