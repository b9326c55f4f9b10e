package dev.custos.events.chain;

import static dev.custos.events.chain.GoNoteVectors.ENOCH_KEY;
import static dev.custos.events.chain.GoNoteVectors.ENOCH_SIGNATURE;
import static dev.custos.events.chain.GoNoteVectors.PETER_KEY;
import static dev.custos.events.chain.GoNoteVectors.PETER_PRIVATE;
import static dev.custos.events.chain.GoNoteVectors.PETER_SIGNATURE;
import static dev.custos.events.chain.GoNoteVectors.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteTest {

    private static final NoteVerifierKey PETER = NoteVerifierKey.parse(PETER_KEY);
    private static final NoteVerifierKey ENOCH = NoteVerifierKey.parse(ENOCH_KEY);

    @Test
    void gosExampleNoteVerifies() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIGNATURE);

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verifiedBy(List.of(PETER)))
                .extracting(NoteSignature::line)
                .containsExactly(PETER_SIGNATURE);
    }

    @Test
    void signingGosExampleReproducesItsSignatureByteForByte() {
        byte[] typedSeed = Base64.getDecoder().decode(PETER_PRIVATE);
        assertThat(typedSeed[0]).isEqualTo(SignedNote.ED25519);
        var privateKey = Ed25519.privateKey(Arrays.copyOfRange(typedSeed, 1, typedSeed.length));

        assertThat(SignedNote.ed25519SignatureLine(PETER, privateKey, TEXT)).isEqualTo(PETER_SIGNATURE);
    }

    @Test
    void aSignatureByAnUnknownKeyIsIgnoredAndAKnownOneCounts() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE);

        assertThat(note.verifiedBy(List.of(PETER)))
                .extracting(NoteSignature::keyName)
                .containsExactly("PeterNeumann");
        assertThat(note.verifiedBy(List.of(PETER, ENOCH)))
                .extracting(NoteSignature::keyName)
                .containsExactly("PeterNeumann", "EnochRoot");
        assertThat(note.encode()).isEqualTo(TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE);
    }

    @Test
    void aNoteNoKnownKeySignedIsRefused() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE);

        assertThatThrownBy(() -> note.verifiedBy(List.of())).isInstanceOf(NoteException.class);
    }

    @Test
    void aChangedTextIsRefused() {
        Note note = Note.parse(TEXT.replace("cryptography", "cryptographY") + "\n" + PETER_SIGNATURE);

        assertThatThrownBy(() -> note.verifiedBy(List.of(PETER)))
                .isInstanceOf(NoteException.class)
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void aChangedSignatureIsRefused() {
        String longer = PETER_SIGNATURE.substring(0, 60) + "ABCD" + PETER_SIGNATURE.substring(60);
        char[] flipped = PETER_SIGNATURE.toCharArray();
        flipped[40] = flipped[40] == 'A' ? 'B' : 'A';

        for (String signature : List.of(longer, new String(flipped))) {
            Note note = Note.parse(TEXT + "\n" + signature);
            assertThatThrownBy(() -> note.verifiedBy(List.of(PETER)))
                    .as(signature)
                    .isInstanceOf(NoteException.class)
                    .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
        }
    }

    @Test
    void aSignatureUnderAnotherNameOrIdIsNotTheKeysSignature() throws Exception {
        String otherName = PETER_SIGNATURE.replace("PeterNeumann", "PeterNeuman");
        byte[] otherKey = Ed25519.raw(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        NoteVerifierKey sameNameOtherKey = NoteVerifierKey.of("PeterNeumann", SignedNote.ED25519, otherKey);

        assertThatThrownBy(() -> Note.parse(TEXT + "\n" + otherName).verifiedBy(List.of(PETER)))
                .hasMessage("the note has no signature by a known key");
        assertThatThrownBy(() -> Note.parse(TEXT + "\n" + PETER_SIGNATURE).verifiedBy(List.of(sameNameOtherKey)))
                .hasMessage("the note has no signature by a known key");
    }

    @Test
    void identicalSignaturesCountOnce() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIGNATURE + PETER_SIGNATURE + ENOCH_SIGNATURE);

        assertThat(note.signatures()).hasSize(3);
        assertThat(note.verifiedBy(List.of(PETER))).hasSize(1);
    }

    @Test
    void refusesMalformedNotes() {
        List<String> malformed = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIGNATURE.substring(0, PETER_SIGNATURE.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIGNATURE,
                TEXT.replace("\n", "\r\n") + "\n" + PETER_SIGNATURE,
                TEXT + "\n"
                        + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIGNATURE + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIGNATURE.replace("\u2014 ", "- "),
                TEXT + "\n" + PETER_SIGNATURE.replace("AM=\n", "AM\n"),
                TEXT + "\n" + "\u2014 PeterNeumann x08g\n",
                TEXT + "\n" + "\u2014 PeterNeumann x08go/ZJ kuBS9UG\n",
                TEXT + "\n" + "\ud800" + PETER_SIGNATURE,
                TEXT + "\n" + PETER_SIGNATURE.repeat(Note.MAX_SIGNATURES + 1));
        for (String note : malformed) {
            assertThatThrownBy(() -> Note.parse(note)).as(note).isInstanceOf(NoteException.class);
        }
        byte[] notUtf8 = (TEXT + "\n" + PETER_SIGNATURE).getBytes(StandardCharsets.UTF_8);
        notUtf8[0] = (byte) 0xff;
        assertThatThrownBy(() -> Note.parse(notUtf8)).isInstanceOf(NoteException.class);
    }

    @Test
    void theTextMayHoldBlankLinesAndTheLastOneSeparatesTheSignatures() {
        Note note = Note.parse("a\n\nb\n\n" + PETER_SIGNATURE);

        assertThat(note.text()).isEqualTo("a\n\nb\n");
        assertThat(note.signatures()).hasSize(1);
        assertThat(Note.parse((TEXT + "\n" + PETER_SIGNATURE).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Note.parse(TEXT + "\n" + PETER_SIGNATURE));
    }
}
