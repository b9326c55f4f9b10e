package dev.custos.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custos verify-audit --stream FILE --checkpoints FILE --public-key FILE [--public-key FILE ...]}: the
 * verdict ("OK: ..." or "FAILED: ...") on stdout, progress and usage errors on stderr. Exit codes: 0 verified,
 * 1 the evidence does not verify, 2 the command was not usable (options, unreadable files, unusable keys).
 */
public final class VerifyAuditCommand {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: custos verify-audit --stream FILE --checkpoints FILE --public-key FILE [--public-key FILE ...]
              --stream FILE       the tenant's events, from seq 1: the NDJSON of GET /api/audit/stream
              --checkpoints FILE  the JSON of GET /api/audit/checkpoints
              --public-key FILE   PEM with one or more "PUBLIC KEY" blocks you trust, obtained out of band;
                                  repeat it to pass the keys of earlier rotations
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
            PublicKeys keys = PublicKeys.read(options.publicKeys());
            AuditVerifier verifier = new AuditVerifier(keys, lines -> err.println("verified " + lines + " events..."));
            Verdict verdict = verifier.verify(options.stream(), options.checkpoints());
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
    private record Options(Path stream, Path checkpoints, List<Path> publicKeys, boolean help) {

        static Options parse(String[] args) {
            Path stream = null;
            Path checkpoints = null;
            List<Path> publicKeys = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    return new Options(null, null, List.of(), true);
                }
                if (!option.equals("--stream") && !option.equals("--checkpoints") && !option.equals("--public-key")) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a FILE");
                }
                Path file = readable(args[++i]);
                switch (option) {
                    case "--stream" -> stream = once(stream, file, option);
                    case "--checkpoints" -> checkpoints = once(checkpoints, file, option);
                    default -> publicKeys.add(file);
                }
            }
            if (stream == null || checkpoints == null || publicKeys.isEmpty()) {
                throw new IllegalArgumentException("--stream, --checkpoints and at least one --public-key are needed");
            }
            return new Options(stream, checkpoints, List.copyOf(publicKeys), false);
        }

        private static Path once(Path earlier, Path file, String option) {
            if (earlier != null) {
                throw new IllegalArgumentException(option + " is given twice");
            }
            return file;
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
