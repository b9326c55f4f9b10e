package dev.custos.events.chain;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP {@code tlog-checkpoint}: origin, tree size and root hash, one line each, then any extension
 * lines, every line non-empty and ending in LF. Read strictly (a size in plain decimal without leading zeros, a root
 * of 32 bytes in canonical base64), because a witness cosigns these exact bytes and a verifier compares them.
 */
public final class Checkpoint {

    private final String origin;
    private final long size;
    private final byte[] root;
    private final List<String> extensions;

    private Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
        this.origin = origin;
        this.size = size;
        this.root = root.clone();
        this.extensions = List.copyOf(extensions);
    }

    /** Reads a checkpoint's note text. */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new NoteException("a checkpoint's lines each end in LF");
        }
        List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3 || lines.stream().anyMatch(String::isEmpty)) {
            throw new NoteException("a checkpoint is at least three non-empty lines");
        }
        long size = parseSize(lines.get(1));
        if (size < 0) {
            throw new NoteException("a checkpoint's size is a decimal without leading zeros, below 2^63");
        }
        byte[] root = Base64s.decode(lines.get(2));
        if (root == null || root.length != MerkleTree.HASH_BYTES) {
            throw new NoteException("a checkpoint's root is a 32-byte hash in base64");
        }
        return new Checkpoint(lines.get(0), size, root, lines.subList(3, lines.size()));
    }

    /**
     * A tree size or an {@code old} size: ASCII digits without leading zeros ({@code 0} alone for zero), within a
     * long; -1 for anything else.
     */
    public static long parseSize(String digits) {
        if (digits.isEmpty()
                || digits.length() > 19
                || (digits.length() > 1 && digits.charAt(0) == '0')
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    /** The root hash's 32 bytes. */
    public byte[] root() {
        return root.clone();
    }

    /** The extension lines, without their LF; opaque, and not what a witness vouches for. */
    public List<String> extensions() {
        return extensions;
    }

    /** The note text, as a log signs it. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(root))
                .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint
                && origin.equals(checkpoint.origin)
                && size == checkpoint.size
                && Arrays.equals(root, checkpoint.root)
                && extensions.equals(checkpoint.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), extensions);
    }

    @Override
    public String toString() {
        return text();
    }
}
