package dev.custos.api.audit.witness;

/** What one witness answered to one checkpoint. */
public sealed interface WitnessOutcome {

    Witness witness();

    /**
     * The witness cosigned the checkpoint: {@code signatureLines} are its cosignature line(s), each ending in LF,
     * verified against its configured key and the exact checkpoint text, ready to be appended to the signed note.
     * From now on the witness's last known size for the log is {@code size}.
     */
    record Cosigned(Witness witness, long size, String signatureLines) implements WitnessOutcome {}

    /** The witness gave no cosignature; {@code reason} says why, {@code detail} in words fit for a log line. */
    record Refused(Witness witness, Reason reason, String detail) implements WitnessOutcome {}

    /** Why a witness gave no cosignature. */
    enum Reason {
        /**
         * The witness holds a head this checkpoint does not extend: the consistency proof from its head did not verify,
         * or it holds another root at the same size. The log has forked, or the witness has; do not serve the head.
         */
        INCONSISTENT,
        /** The witness has cosigned a larger tree of this log than the checkpoint's. */
        WITNESS_AHEAD,
        /** The witness does not take this checkpoint: unknown origin, untrusted log key, or a request it found malformed. */
        NOT_ACCEPTED,
        /** The witness answered 200 without a valid cosignature by its configured key over this checkpoint. */
        BAD_COSIGNATURE,
        /** The witness could not be reached or failed (timeout, connection, 5xx); asking again later may do. */
        UNAVAILABLE
    }
}
