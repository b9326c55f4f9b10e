package dev.custos.verify;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signed tree heads checked against the whole stream: the stream's leaves grow a Merkle tree (its frontier only), and
 * as the tree reaches each head's size its root must be the head's. A head's signature proves the service signed
 * that root; the equal root proves the stream holds exactly the entries it signed, in order.
 */
final class NoteRoots implements TreeCheck {

    private final List<SignedTreeHead> heads;
    private final String keyName;
    private final StreamTree tree = new StreamTree();
    private final List<SignedTreeHead> unrecomputable = new ArrayList<>();
    private int next;

    /** {@code heads} already verified with the pinned key named {@code keyName}. */
    NoteRoots(List<SignedTreeHead> heads, String keyName) throws VerificationFailure {
        this.heads = new ArrayList<>(heads);
        this.heads.sort(Comparator.comparingLong(SignedTreeHead::size));
        this.keyName = keyName;
        passHeads("the empty stream: ");
    }

    @Override
    public void accept(long seq, byte[] leafHash, String where) throws VerificationFailure {
        tree.append(leafHash);
        passHeads(where);
    }

    /** Compares every head of the tree's current size. */
    private void passHeads(String where) throws VerificationFailure {
        while (next < heads.size() && heads.get(next).size() == tree.size()) {
            SignedTreeHead head = heads.get(next++);
            byte[] root = tree.root().orElse(null);
            if (root == null) {
                unrecomputable.add(head);
            } else if (!MessageDigest.isEqual(root, head.root())) {
                throw new VerificationFailure(where + "the Merkle root of seq 1.." + tree.size() + " is not the "
                        + "root of " + head.where() + ": the entries it signed were altered, removed, added or "
                        + "reordered");
            }
        }
    }

    @Override
    public void verifyTail(String end, long lastSeq) throws VerificationFailure {
        if (next < heads.size()) {
            SignedTreeHead beyond = heads.get(heads.size() - 1);
            throw new VerificationFailure(
                    end + " but " + beyond.where() + " covers " + beyond.size() + " entries: its tail is missing");
        }
    }

    @Override
    public String summary(long lastSeq) {
        if (heads.isEmpty()) {
            return "";
        }
        List<SignedTreeHead> recomputed = new ArrayList<>(heads);
        recomputed.removeAll(unrecomputable);
        String text = "";
        if (!recomputed.isEmpty()) {
            text = "; " + (recomputed.size() == 1 ? "1 signed tree head" : recomputed.size() + " signed tree heads")
                    + " of key " + keyName + " verified (size " + sizes(recomputed) + "), "
                    + (recomputed.size() == 1 ? "its root" : "their roots") + " recomputed from the stream";
        }
        if (!unrecomputable.isEmpty()) {
            text += "; the root of the signed tree head of size " + sizes(unrecomputable) + " could not be recomputed "
                    + "(a redacted line's leaf is the hash of the entry the service holds): only its signature is "
                    + "verified";
        }
        return text;
    }

    private static String sizes(List<SignedTreeHead> heads) {
        return heads.stream().map(head -> String.valueOf(head.size())).collect(Collectors.joining(", "));
    }
}
