package dev.custos.events.chain;

import static dev.custos.events.chain.CheckpointTest.SPEC_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {

    private static final long TIME = 1679315147L;

    private final KeyPair log = generate();
    private final NoteVerifierKey logKey =
            NoteVerifierKey.of("example.com/behind-the-sofa", SignedNote.ED25519, Ed25519.raw(log.getPublic()));
    private final KeyPair witness = generate();
    private final NoteVerifierKey witnessKey =
            NoteVerifierKey.of("witness.example/w1", SignedNote.COSIGNATURE_V1, Ed25519.raw(witness.getPublic()));

    @Test
    void theSignedMessageIsTheSpecifications() {
        assertThat(new String(Cosignature.message(SPEC_TEXT, TIME), StandardCharsets.UTF_8))
                .isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void aCosignatureIsKeyIdTimestampAndSignatureOverTheTimestampedCheckpoint() {
        String line = Cosignature.sign(witnessKey, witness.getPrivate(), SPEC_TEXT, TIME);

        NoteSignature signature = NoteSignature.parse(line.substring(0, line.length() - 1));
        assertThat(signature.keyName()).isEqualTo("witness.example/w1");
        assertThat(signature.keyId()).isEqualTo(witnessKey.keyId());
        byte[] bytes = signature.signature();
        assertThat(bytes).hasSize(72);
        assertThat(ByteBuffer.wrap(bytes).getLong()).isEqualTo(TIME);
        assertThat(Cosignature.timestamp(bytes)).isEqualTo(TIME);
        assertThat(Ed25519.verify(
                        witnessKey.publicKey(),
                        Cosignature.message(SPEC_TEXT, TIME),
                        Arrays.copyOfRange(bytes, 8, bytes.length)))
                .isTrue();
    }

    @Test
    void aCosignedCheckpointVerifiesByTheLogAndByTheWitness() {
        String note = SPEC_TEXT
                + "\n"
                + SignedNote.ed25519SignatureLine(logKey, log.getPrivate(), SPEC_TEXT)
                + Cosignature.sign(witnessKey, witness.getPrivate(), SPEC_TEXT, TIME);

        Note parsed = Note.parse(note);

        assertThat(parsed.verifiedBy(List.of(logKey)))
                .extracting(NoteSignature::keyName)
                .containsExactly(logKey.name());
        assertThat(parsed.verifiedBy(List.of(witnessKey)))
                .extracting(NoteSignature::keyName)
                .containsExactly(witnessKey.name());
    }

    @Test
    void aCosignatureOfAnotherCheckpointIsRefused() {
        String other = SPEC_TEXT.replace("20852163", "20852164");
        String line = Cosignature.sign(witnessKey, witness.getPrivate(), other, TIME);

        assertThatThrownBy(() -> Note.parse(SPEC_TEXT + "\n" + line).verifiedBy(List.of(witnessKey)))
                .hasMessageStartingWith("invalid signature for key witness.example/w1+");
    }

    @Test
    void aChangedTimestampIsRefused() {
        String line = Cosignature.sign(witnessKey, witness.getPrivate(), SPEC_TEXT, TIME);
        NoteSignature signature = NoteSignature.parse(line.substring(0, line.length() - 1));
        byte[] bytes = ByteBuffer.allocate(76)
                .putInt(signature.keyId())
                .put(signature.signature())
                .array();
        bytes[11]++;
        String changed = "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(bytes) + "\n";

        assertThatThrownBy(() -> Note.parse(SPEC_TEXT + "\n" + changed).verifiedBy(List.of(witnessKey)))
                .hasMessageStartingWith("invalid signature for key");
    }

    @Test
    void aTimestampPast2To63IsRefused() {
        byte[] signature = new byte[72];
        signature[0] = (byte) 0x80;

        assertThat(Cosignature.timestamp(signature)).isNegative();
        assertThat(witnessKey.verifies(SPEC_TEXT, signature)).isFalse();
    }

    @Test
    void aPlainNoteSignatureIsNoCosignatureAndACosignatureNoNoteSignature() {
        NoteVerifierKey sameKeyAsNoteKey =
                NoteVerifierKey.of(witnessKey.name(), SignedNote.ED25519, witnessKey.publicKey());
        String plain = SignedNote.ed25519SignatureLine(sameKeyAsNoteKey, witness.getPrivate(), SPEC_TEXT);
        String cosigned = Cosignature.sign(witnessKey, witness.getPrivate(), SPEC_TEXT, TIME);

        // The type is part of the key id, so each line names only its own key; the other is ignored.
        assertThatThrownBy(() -> Note.parse(SPEC_TEXT + "\n" + plain).verifiedBy(List.of(witnessKey)))
                .hasMessage("the note has no signature by a known key");
        assertThatThrownBy(() -> Note.parse(SPEC_TEXT + "\n" + cosigned).verifiedBy(List.of(sameKeyAsNoteKey)))
                .hasMessage("the note has no signature by a known key");
    }

    @Test
    void aCosignatureByAnotherWitnessKeyIsNotThisWitnesss() {
        KeyPair impostor = generate();
        NoteVerifierKey impostorKey =
                NoteVerifierKey.of(witnessKey.name(), SignedNote.COSIGNATURE_V1, Ed25519.raw(impostor.getPublic()));
        String line = Cosignature.sign(impostorKey, impostor.getPrivate(), SPEC_TEXT, TIME);

        assertThatThrownBy(() -> Note.parse(SPEC_TEXT + "\n" + line).verifiedBy(List.of(witnessKey)))
                .hasMessage("the note has no signature by a known key");
    }

    @Test
    void onlyCheckpointsAreCosigned() {
        assertThatThrownBy(() -> Cosignature.sign(witnessKey, witness.getPrivate(), "not\na checkpoint\n", TIME))
                .isInstanceOf(NoteException.class);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
