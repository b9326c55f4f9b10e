package dev.custos.verify;

import static dev.custos.verify.AuditVerifierTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed tree heads checked against the stream's Merkle tree: forged, foreign, rewritten and past the stream. */
class AuditVerifierNotesTest {

    @TempDir
    Path directory;

    /** 40 events of entry version 2, JSON checkpoints at seq 10 and 20. */
    private final TreeTrail trail = TreeTrail.of(40, 10, 20);

    @Test
    void headsWhoseRootsTheStreamGivesVerify() throws IOException {
        Run run = trail.verify(directory, notes("a.note", trail.note(13), "b.note", trail.note(40)));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("; 2 signed tree heads of key " + TreeTrail.KEY_NAME + " verified (size 13, 40), their "
                        + "roots recomputed from the stream");
    }

    @Test
    void aHeadOfTheEmptyTreeVerifies() throws IOException {
        Run run = trail.verify(directory, notes("empty.note", trail.note(0)));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aHeadSignedByAnotherKeyUnderTheSameNameIsNotSignedByThePinnedKey() throws IOException {
        KeyPair forger = AuditTrail.newKey();
        String forged = TreeTrail.note(TreeTrail.ORIGIN, 40, trail.root(40), forger);

        assertFailure(
                trail.verify(directory, notes("forged.note", forged)),
                "the signed tree head forged.note: is not signed by the key you pinned (" + trail.verifierKey()
                        + "); it is signed by " + TreeTrail.KEY_NAME);
    }

    @Test
    void aHeadWithAnotherRootSignedUnderThePinnedKeyIdDoesNotVerify() throws IOException {
        String note = trail.note(40);
        String altered = note.replace(
                java.util.Base64.getEncoder().encodeToString(trail.root(40)),
                java.util.Base64.getEncoder().encodeToString(trail.root(39)));

        assertFailure(
                trail.verify(directory, notes("altered.note", altered)),
                "the signed tree head altered.note: the signature by " + TreeTrail.KEY_NAME + " does not verify with "
                        + "the key you pinned: the note was altered or forged");
    }

    @Test
    void aRewrittenEntryWithTheChainRecomputedFailsAtTheHeadsSize() throws IOException {
        String note = trail.note(40);
        trail.rewriteAndRechain(30);

        assertFailure(
                trail.verify(directory, notes("head.note", note)),
                "line 40 (seq 40): the Merkle root of seq 1..40 is not the root of the signed tree head head.note "
                        + "(size 40): the entries it signed were altered, removed, added or reordered");
    }

    @Test
    void aHeadPastTheStreamMeansItsTailIsMissing() throws IOException {
        String note = trail.note(40);
        trail.lines.subList(35, 40).clear();

        assertFailure(
                trail.verify(directory, notes("head.note", note)),
                "after line 35: the stream ends at seq 35 but the signed tree head head.note (size 40) covers 40 "
                        + "entries: its tail is missing");
    }

    @Test
    void aHeadOfAnotherTenantsLogIsRefused() throws IOException {
        String other = "custos.example/custos/" + UUID.randomUUID();
        String note = TreeTrail.note(other, 40, trail.root(40), trail.signingKey);

        assertFailure(
                trail.verify(directory, notes("other.note", note)),
                "the signed tree head other.note (size 40) is of the log " + other + ", not of tenant "
                        + AuditTrail.TENANT);
    }

    @Test
    void aHeadWithAnExtensionLineIsRefused() throws IOException {
        String note = signedCheckpoint(TreeTrail.ORIGIN, "40", "extra\n");

        assertFailure(
                trail.verify(directory, notes("extended.note", note)),
                "the signed tree head extended.note: its checkpoint has lines after the root hash");
    }

    @Test
    void aNoteWithoutItsKeyIsAUsageError() throws IOException {
        Run run = trail.verify(directory, "--note", TreeTrail.file(directory, "head.note", trail.note(40)));

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("--note needs --note-key");
    }

    @Test
    void aVerifierKeyWhoseIdIsNotItsKeysIsAUsageError() throws IOException {
        String key = trail.verifierKey();
        String[] parts = key.split("\\+", 3);
        String wrongId =
                parts[0] + "+" + (parts[1].startsWith("0") ? "1" : "0") + parts[1].substring(1) + "+" + parts[2];

        Run run = withNoteKey(wrongId);

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("is not the id of its name and key");
    }

    @Test
    void aHeadThePinnedKeySignsTwiceIsRefused() throws IOException {
        String note = trail.note(40);
        String signedTwice = note + note.substring(note.lastIndexOf("\n\n") + 2);

        assertFailure(
                trail.verify(directory, notes("twice.note", signedTwice)),
                "the signed tree head twice.note: the key " + TreeTrail.KEY_NAME + " signs it twice");
    }

    @Test
    void aHeadThatIsNotUtf8IsRefusedByTheNoteRules() throws IOException {
        byte[] note = trail.note(40).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        note[3] = (byte) 0xff;
        String[] args = notes("bytes.note", "");
        java.nio.file.Files.write(directory.resolve("bytes.note"), note);

        assertFailure(
                trail.verify(directory, args),
                "the signed tree head bytes.note: is not a signed note as the service serves it: a signed note is "
                        + "UTF-8");
    }

    @Test
    void aHeadWhoseSizeHasALeadingZeroIsRefusedByTheCheckpointRules() throws IOException {
        String note = signedCheckpoint(TreeTrail.ORIGIN, "040", "");

        assertFailure(
                trail.verify(directory, notes("padded.note", note)),
                "the signed tree head padded.note: its text is not a checkpoint (origin, tree size, root hash): a "
                        + "checkpoint's size is a decimal without leading zeros");
    }

    @Test
    void aHeadWithADelInItsTextIsRefused() throws IOException {
        String note = signedCheckpoint(TreeTrail.ORIGIN + "\u007f", "40", "");

        assertFailure(
                trail.verify(directory, notes("del.note", note)),
                "the signed tree head del.note: its text holds a control character");
    }

    @Test
    void aWitnessCosignatureKeyCannotBePinned() throws IOException {
        String cosigner = dev.custos.events.chain.NoteVerifierKey.of(
                        TreeTrail.KEY_NAME,
                        dev.custos.events.chain.SignedNote.COSIGNATURE_V1,
                        TreeTrail.raw(trail.signingKey))
                .toString();

        Run run = withNoteKey(cosigner);

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("--note-key does not hold an Ed25519 note key (type 0x01)");
    }

    @Test
    void aVerifierKeyWithAnUpperCaseIdIsAUsageError() throws IOException {
        String upperCase = "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

        Run run = withNoteKey(upperCase);

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("--note-key is not written as the service publishes it (PeterNeumann+c74f20a3+");
    }

    @Test
    void aMalformedVerifierKeySaysWhichRuleItBreaks() throws IOException {
        Run run = withNoteKey("x+1+y");

        assertThat(run.exit()).isEqualTo(VerifyAuditCommand.USAGE);
        assertThat(run.err()).contains("--note-key is not a note verifier key").contains("8 hex digits");
    }

    /** The verifier run on a good head with this {@code --note-key}. */
    private Run withNoteKey(String noteKey) throws IOException {
        return trail.verify(
                directory, "--note", TreeTrail.file(directory, "head.note", trail.note(40)), "--note-key", noteKey);
    }

    /** A note over the checkpoint of this origin, size (as written) and the root of seq 1..40, then {@code tail}. */
    private String signedCheckpoint(String origin, String size, String tail) {
        String text = origin + "\n" + size + "\n"
                + java.util.Base64.getEncoder().encodeToString(trail.root(40)) + "\n" + tail;
        return text + "\n" + signatureLine(text);
    }

    private String signatureLine(String text) {
        byte[] signature = java.util.Base64.getDecoder()
                .decode(AuditTrail.sign(trail.signingKey, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return dev.custos.events.chain.SignedNote.signatureLine(
                TreeTrail.KEY_NAME,
                dev.custos.events.chain.SignedNote.keyId(
                        TreeTrail.KEY_NAME,
                        dev.custos.events.chain.SignedNote.ED25519,
                        TreeTrail.raw(trail.signingKey)),
                signature);
    }

    /** The --note options for pairs of (file name, note text), then --note-key. */
    private String[] notes(String... namesAndTexts) throws IOException {
        String[] args = new String[namesAndTexts.length + 2];
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            args[i] = "--note";
            args[i + 1] = TreeTrail.file(directory, namesAndTexts[i], namesAndTexts[i + 1]);
        }
        args[namesAndTexts.length] = "--note-key";
        args[namesAndTexts.length + 1] = trail.verifierKey();
        return args;
    }
}
