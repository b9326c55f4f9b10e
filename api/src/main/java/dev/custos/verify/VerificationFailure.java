package dev.custos.verify;

/** The first thing that did not verify; its message is what the auditor reads, so it names the line or checkpoint. */
final class VerificationFailure extends Exception {

    VerificationFailure(String message) {
        // The stack trace would only ever point into the verifier, never at the evidence: not worth filling.
        super(message, null, false, false);
    }
}
