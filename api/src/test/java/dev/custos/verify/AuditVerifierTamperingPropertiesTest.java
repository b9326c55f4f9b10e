package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.verify.AuditTrail.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated trails of entry version 2 with a checkpoint and a signed tree head over the whole stream: the untouched
 * evidence verifies, and every kind of tampering (a flipped bit anywhere in the stream, a removed line, two lines
 * swapped, a head signed by another key, a head with another root) is refused.
 */
class AuditVerifierTamperingPropertiesTest {

    /** Where in the stream, and which bit, to flip. */
    record Flip(double where, int bit) {}

    @Property(tries = 40)
    void untouchedEvidenceVerifies(@ForAll @IntRange(min = 1, max = 40) int events) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));

        Run run = verify(trail, trail.note(events));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }

    @Property(tries = 60)
    void aFlippedBitIsRefused(@ForAll @IntRange(min = 1, max = 40) int events, @ForAll("flips") Flip flip) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));
        String note = trail.note(events);
        byte[] stream = String.join("\n", trail.lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        int at = Math.min(stream.length - 1, (int) (flip.where() * stream.length));
        stream[at] ^= (byte) (1 << flip.bit());

        assertRefused(verify(trail, stream, note));
    }

    @Property(tries = 40)
    void aRemovedLineIsRefused(
            @ForAll @IntRange(min = 1, max = 40) int events, @ForAll @IntRange(min = 0, max = 10_000) int which) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));
        String note = trail.note(events);
        trail.lines.remove(which % events);

        assertRefused(verify(trail, note));
    }

    @Property(tries = 40)
    void swappedLinesAreRefused(
            @ForAll @IntRange(min = 2, max = 40) int events,
            @ForAll @IntRange(min = 0, max = 10_000) int first,
            @ForAll @IntRange(min = 0, max = 10_000) int second) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));
        String note = trail.note(events);
        int a = first % events;
        int b = (a + 1 + second % (events - 1)) % events;
        java.util.Collections.swap(trail.lines, a, b);

        assertRefused(verify(trail, note));
    }

    @Property(tries = 30)
    void aHeadSignedByAnotherKeyIsRefused(@ForAll @IntRange(min = 1, max = 40) int events) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));

        assertRefused(verify(trail, TreeTrail.note(TreeTrail.ORIGIN, events, trail.root(events), AuditTrail.newKey())));
    }

    @Property(tries = 30)
    void aHeadWithAnotherRootIsRefused(
            @ForAll @IntRange(min = 2, max = 40) int events, @ForAll @IntRange(min = 0, max = 39) int otherSize) {
        TreeTrail trail = TreeTrail.of(events, Math.max(1, events / 2));
        long size = otherSize % events;
        // Signed with the real key: only the root recomputed from the stream can tell.
        String forged = TreeTrail.note(TreeTrail.ORIGIN, events, trail.root(size), trail.signingKey);
        assertThat(forged).isNotEqualTo(trail.note(events));

        assertRefused(verify(trail, forged));
    }

    @Provide
    Arbitrary<Flip> flips() {
        return Combinators.combine(
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 7))
                .as(Flip::new);
    }

    private static void assertRefused(Run run) {
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.out()).startsWith("FAILED: ");
    }

    private static Run verify(TreeTrail trail, String note) {
        return verify(trail, String.join("\n", trail.lines).concat("\n").getBytes(StandardCharsets.UTF_8), note);
    }

    private static Run verify(TreeTrail trail, byte[] stream, String note) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tampering");
            Path written = trail.written(directory, 1).stream();
            Files.write(written, stream);
            List<String> args = new ArrayList<>(List.of(
                    "--stream",
                    written.toString(),
                    "--checkpoints",
                    directory.resolve("checkpoints.json").toString(),
                    "--public-key",
                    directory.resolve("trusted.pem").toString(),
                    "--note",
                    TreeTrail.file(directory, "head.note", note),
                    "--note-key",
                    trail.verifierKey()));
            return AuditTrail.run(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
