package dev.custos.verify;

import dev.custos.events.chain.NoteVerifierKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custos verify-audit}: a stream with its checkpoints (and optionally signed tree heads, or an incremental
 * check from a trusted head), or one entry's receipt. The verdict ("OK: ..." or "FAILED: ...") on stdout, progress
 * and usage errors on stderr. Exit codes: 0 verified, 1 the evidence does not verify, 2 the command was not usable
 * (options, unreadable files, unusable keys).
 */
public final class VerifyAuditCommand {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: custos verify-audit --stream FILE --checkpoints FILE --public-key FILE [--public-key FILE ...]
                                       [--note FILE ... --note-key KEY]
                                       [--from-checkpoint FILE --note FILE --consistency FILE --note-key KEY]
                   custos verify-audit --entry FILE --inclusion FILE --note FILE --note-key KEY
              --stream FILE           the tenant's events: the NDJSON of GET /api/audit/stream, from seq 1
                                      (after_seq=0), or with --from-checkpoint from the seq after its size
              --checkpoints FILE      the JSON of GET /api/audit/checkpoints
              --public-key FILE       PEM with one or more "PUBLIC KEY" blocks you trust, obtained out of band;
                                      repeat it to pass the keys of earlier rotations
              --note FILE             a signed tree head, as GET /api/audit/checkpoint serves it; repeatable
                                      with --stream: the stream's Merkle root at its size must be its root
              --note-key KEY          the note verifier key you pinned, obtained out of band (the
                                      note_verifier_key of the checkpoints answer); every note must verify with it
              --from-checkpoint FILE  a signed tree head you verified before, of size m: the stream then holds
                                      only seq m+1.., and one --note of size n, with --consistency, proves them
              --consistency FILE      the JSON of GET /api/audit/proof/consistency?from=m&to=n
              --entry FILE            one line of the stream: the entry a receipt is for
              --inclusion FILE        the JSON of GET /api/audit/proof/inclusion?seq=&tree_size= for that entry
            exit codes: 0 verified, 1 the evidence does not verify, 2 usage error""";

    private VerifyAuditCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException usage) {
            return usageError(usage.getMessage(), err);
        }
        if (options.help()) {
            out.println(USAGE_TEXT);
            return VERIFIED;
        }
        try {
            NoteVerifierKey noteKey = options.noteKey() == null ? null : SignedTreeHead.pinnedKey(options.noteKey());
            Verdict verdict;
            if (options.entry() != null) {
                verdict = ReceiptVerifier.verify(
                        options.entry(), options.inclusion(), options.notes().get(0), noteKey);
            } else {
                PublicKeys keys = PublicKeys.read(options.publicKeys());
                AuditVerifier verifier =
                        new AuditVerifier(keys, lines -> err.println("verified " + lines + " events..."));
                verdict = verifier.verify(
                        options.stream(),
                        options.checkpoints(),
                        new TreeEvidence(noteKey, options.notes(), options.fromCheckpoint(), options.consistency()));
            }
            out.println(verdict.text());
            return verdict.verified() ? VERIFIED : FAILED;
        } catch (KeyException unusableKey) {
            return usageError(unusableKey.getMessage(), err);
        } catch (IOException unreadable) {
            return usageError("cannot read " + unreadable.getMessage(), err);
        }
    }

    private static int usageError(String message, PrintStream err) {
        err.println("custos verify-audit: " + message);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    /** The parsed arguments; every file is checked to be readable before any verification starts. */
    private record Options(
            Path stream,
            Path checkpoints,
            List<Path> publicKeys,
            List<Path> notes,
            String noteKey,
            Path fromCheckpoint,
            Path consistency,
            Path entry,
            Path inclusion,
            boolean help) {

        private static final List<String> FILE_OPTIONS = List.of(
                "--stream",
                "--checkpoints",
                "--public-key",
                "--note",
                "--from-checkpoint",
                "--consistency",
                "--entry",
                "--inclusion");

        static Options parse(String[] args) {
            Path stream = null;
            Path checkpoints = null;
            List<Path> publicKeys = new ArrayList<>();
            List<Path> notes = new ArrayList<>();
            String noteKey = null;
            Path fromCheckpoint = null;
            Path consistency = null;
            Path entry = null;
            Path inclusion = null;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    return new Options(null, null, List.of(), List.of(), null, null, null, null, null, true);
                }
                if (option.equals("--note-key")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--note-key needs a KEY");
                    }
                    noteKey = once(noteKey, args[++i], option);
                    continue;
                }
                if (!FILE_OPTIONS.contains(option)) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a FILE");
                }
                Path file = readable(args[++i]);
                switch (option) {
                    case "--stream" -> stream = once(stream, file, option);
                    case "--checkpoints" -> checkpoints = once(checkpoints, file, option);
                    case "--note" -> notes.add(file);
                    case "--from-checkpoint" -> fromCheckpoint = once(fromCheckpoint, file, option);
                    case "--consistency" -> consistency = once(consistency, file, option);
                    case "--entry" -> entry = once(entry, file, option);
                    case "--inclusion" -> inclusion = once(inclusion, file, option);
                    default -> publicKeys.add(file);
                }
            }
            if (!notes.isEmpty() && noteKey == null) {
                throw new IllegalArgumentException("--note needs --note-key: the note verifier key you pinned");
            }
            if (noteKey != null && notes.isEmpty()) {
                throw new IllegalArgumentException("--note-key is given without a --note to verify");
            }
            if (entry != null || inclusion != null) {
                receiptOnly(entry, inclusion, notes, stream, checkpoints, publicKeys, fromCheckpoint, consistency);
            } else {
                streamOnly(stream, checkpoints, publicKeys, notes, fromCheckpoint, consistency);
            }
            return new Options(
                    stream,
                    checkpoints,
                    List.copyOf(publicKeys),
                    List.copyOf(notes),
                    noteKey,
                    fromCheckpoint,
                    consistency,
                    entry,
                    inclusion,
                    false);
        }

        private static void receiptOnly(
                Path entry,
                Path inclusion,
                List<Path> notes,
                Path stream,
                Path checkpoints,
                List<Path> publicKeys,
                Path fromCheckpoint,
                Path consistency) {
            if (entry == null || inclusion == null || notes.size() != 1) {
                throw new IllegalArgumentException("a receipt needs --entry, --inclusion, one --note and --note-key");
            }
            if (stream != null
                    || checkpoints != null
                    || !publicKeys.isEmpty()
                    || fromCheckpoint != null
                    || consistency != null) {
                throw new IllegalArgumentException("a receipt (--entry, --inclusion) is verified alone: --stream, "
                        + "--checkpoints, --public-key, --from-checkpoint and --consistency do not apply");
            }
        }

        private static void streamOnly(
                Path stream,
                Path checkpoints,
                List<Path> publicKeys,
                List<Path> notes,
                Path fromCheckpoint,
                Path consistency) {
            if (stream == null || checkpoints == null || publicKeys.isEmpty()) {
                throw new IllegalArgumentException("--stream, --checkpoints and at least one --public-key are needed");
            }
            if ((fromCheckpoint == null) != (consistency == null)) {
                throw new IllegalArgumentException("--from-checkpoint and --consistency go together");
            }
            if (fromCheckpoint != null && notes.size() != 1) {
                throw new IllegalArgumentException("--from-checkpoint needs exactly one --note: the newer signed tree "
                        + "head the consistency proof leads to");
            }
        }

        private static <T> T once(T earlier, T value, String option) {
            if (earlier != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            return value;
        }

        private static Path readable(String name) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + name);
            }
            return file;
        }
    }
}
