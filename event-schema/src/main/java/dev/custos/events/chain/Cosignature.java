package dev.custos.events.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;

/**
 * C2SP {@code tlog-cosignature} version 1: a witness's timestamped Ed25519 signature over a checkpoint. The signed
 * message is {@code cosignature/v1\ntime <seconds>\n} followed by the checkpoint's whole note text; the signature
 * line carries the key id (type {@code 0x04}), the 8-byte big-endian timestamp and the 64-byte signature. The
 * message does not name the witness, so each witness key signs for one witness only.
 */
public final class Cosignature {

    /** The timestamp and the Ed25519 signature that follow the key id. */
    public static final int SIGNATURE_BYTES = Long.BYTES + Ed25519.SIGNATURE_BYTES;

    private Cosignature() {}

    /** The message a cosigner signs at {@code timestamp} (POSIX seconds) for this checkpoint text. */
    public static byte[] message(String checkpointText, long timestamp) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's time is between 0 and 2^63 - 1");
        }
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The cosignature line, with its LF, of the witness {@code cosigner} (a verifier key of type {@code 0x04}) over
     * {@code checkpointText} at {@code timestamp}, signed with its private key. The text must be a checkpoint: a
     * cosigner vouches for the consistency of a tree head.
     */
    public static String sign(NoteVerifierKey cosigner, PrivateKey key, String checkpointText, long timestamp) {
        if (cosigner.type() != SignedNote.COSIGNATURE_V1) {
            throw new IllegalArgumentException("a cosigner's verifier key has type 0x04");
        }
        Checkpoint.parse(checkpointText);
        byte[] signature = Ed25519.sign(key, message(checkpointText, timestamp));
        byte[] timestamped = ByteBuffer.allocate(SIGNATURE_BYTES)
                .putLong(timestamp)
                .put(signature)
                .array();
        return SignedNote.signatureLine(
                cosigner.name(), ByteBuffer.allocate(4).putInt(cosigner.keyId()).array(), timestamped);
    }

    /** The time (POSIX seconds) a cosignature's bytes after its key id state, or -1 if they are no cosignature. */
    public static long timestamp(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return -1;
        }
        return ByteBuffer.wrap(signature).getLong();
    }

    /**
     * Whether {@code signature} (the bytes after the key id) is a valid cosignature of {@code checkpointText} by the
     * Ed25519 key with these raw bytes: a timestamp below 2^63 and an Ed25519 signature of the timestamped message.
     */
    static boolean verify(byte[] publicKey, String checkpointText, byte[] signature) {
        long timestamp = timestamp(signature);
        if (timestamp < 0) {
            return false;
        }
        return Ed25519.verify(
                publicKey,
                message(checkpointText, timestamp),
                Arrays.copyOfRange(signature, Long.BYTES, signature.length));
    }
}
