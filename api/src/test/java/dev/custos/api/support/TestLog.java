package dev.custos.api.support;

import dev.custos.events.chain.Ed25519;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.NoteVerifierKey;
import dev.custos.events.chain.SignedNote;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparency log in memory, for witness tests: leaves appended in order, its Ed25519 note key, and the signed
 * checkpoints and consistency proofs a log hands a witness. {@link #fork} makes a log under the same origin and key
 * whose history differs from some leaf on: what a split view looks like to a witness.
 */
public final class TestLog {

    private final String origin;
    private final KeyPair keys;
    private final NoteVerifierKey key;
    private final List<byte[]> leafHashes = new ArrayList<>();

    private TestLog(String origin, KeyPair keys) {
        this.origin = origin;
        this.keys = keys;
        this.key = NoteVerifierKey.of(origin, SignedNote.ED25519, Ed25519.raw(keys.getPublic()));
    }

    /** A log with a fresh key, whose key name is its origin. */
    public static TestLog create(String origin) {
        try {
            return new TestLog(origin, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key a witness trusts this log by. */
    public NoteVerifierKey key() {
        return key;
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return leafHashes.size();
    }

    /** Appends {@code count} leaves, each the text {@code <tag> <index>}. */
    public TestLog append(int count, String tag) {
        for (int i = 0; i < count; i++) {
            leafHashes.add(MerkleTree.leafHash((tag + " " + leafHashes.size()).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** Another log with the same origin and key that holds this log's first {@code keep} leaves only. */
    public TestLog fork(int keep) {
        TestLog fork = new TestLog(origin, keys);
        fork.leafHashes.addAll(leafHashes.subList(0, keep));
        return fork;
    }

    /** The checkpoint text of the whole tree. */
    public String checkpointText() {
        return SignedNote.checkpointText(origin, size(), MerkleTree.root(leafHashes));
    }

    /** The whole tree's checkpoint, signed by the log's key: a signed note. */
    public String signedCheckpoint() {
        return signedBy(keys, key);
    }

    /** The whole tree's checkpoint signed by another key of the same name: a signature no witness should trust. */
    public String signedByAnotherKey() {
        TestLog impostor = create(origin);
        return signedBy(impostor.keys, impostor.key);
    }

    /** The consistency proof from the tree of {@code from} leaves to that of {@code to}. */
    public List<byte[]> consistencyProof(long from, long to) {
        return MerkleTree.consistencyProof(Math.toIntExact(from), leafHashes.subList(0, Math.toIntExact(to)));
    }

    private String signedBy(KeyPair signer, NoteVerifierKey signerKey) {
        String text = checkpointText();
        return text + "\n" + SignedNote.ed25519SignatureLine(signerKey, signer.getPrivate(), text);
    }
}
