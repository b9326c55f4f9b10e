package dev.custos.verify;

import java.util.stream.Collectors;

/**
 * An auditor's incremental check: from a signed tree head of {@code m} entries it already trusts, the consistency
 * proof to a newer head of {@code n}, and only the new lines {@code m+1..n}. The proof is checked against both heads
 * before the walk; the walk then binds the new lines to the proof ({@link ConsistencyBinding}).
 */
final class ExtensionProof implements TreeCheck {

    private final SignedTreeHead older;
    private final SignedTreeHead newer;
    private final ConsistencyBinding binding;

    private ExtensionProof(SignedTreeHead older, SignedTreeHead newer, ConsistencyBinding binding) {
        this.older = older;
        this.newer = newer;
        this.binding = binding;
    }

    /** Checks the proof between the two verified heads, and prepares to bind the new lines to it. */
    static ExtensionProof of(SignedTreeHead older, SignedTreeHead newer, ConsistencyProof proof)
            throws VerificationFailure {
        if (older.size() == 0) {
            throw new VerificationFailure(older.where() + " is of the empty tree, which every tree extends: verify "
                    + "the stream from seq 1 with --note instead");
        }
        if (newer.size() < older.size()) {
            throw new VerificationFailure(newer.where() + " is smaller than the trusted " + older.where()
                    + ": a log only grows, so the newer head is not newer (or the log was rewound)");
        }
        if (!newer.origin().equals(older.origin())) {
            throw new VerificationFailure(
                    newer.where() + " is of the log " + newer.origin() + ", the trusted one of " + older.origin());
        }
        ProofCheck.consistency(proof, older.size(), older.root(), newer.size(), newer.root());
        return new ExtensionProof(older, newer, new ConsistencyBinding(older.size(), newer.size(), proof.hashes()));
    }

    /** The last seq the auditor already holds: the stream starts after it. */
    long trustedSize() {
        return older.size();
    }

    @Override
    public void accept(long seq, byte[] leafHash, String where) throws VerificationFailure {
        if (seq <= newer.size()) {
            binding.accept(seq - 1, leafHash, where);
        }
    }

    @Override
    public void verifyTail(String end, long lastSeq) throws VerificationFailure {
        if (lastSeq < newer.size() || !binding.complete()) {
            throw new VerificationFailure(
                    end + " but " + newer.where() + " covers " + newer.size() + " entries: its tail is missing");
        }
    }

    @Override
    public String summary(long lastSeq) {
        String text = "; seq " + (older.size() + 1) + ".." + newer.size() + " proven to extend the trusted signed "
                + "tree head of size " + older.size() + " to the one of size " + newer.size() + " (" + newer.origin()
                + ") by the consistency proof";
        if (older.size() == newer.size()) {
            text = "; the signed tree head of size " + newer.size() + " is the trusted one (" + newer.origin() + ")";
        }
        if (!binding.unverifiable().isEmpty()) {
            text += "; the subtrees from seq "
                    + binding.unverifiable().stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " hold a redacted line and could not be recomputed";
        }
        if (lastSeq > newer.size()) {
            text += "; seq " + (newer.size() + 1) + ".." + lastSeq + " are not covered by the newer signed tree head";
        }
        return text;
    }
}
