package dev.custos.verify;

/** What the verifier found: {@code verified} with an "OK: ..." summary, or the first failure as "FAILED: ...". */
public record Verdict(boolean verified, String text) {

    static Verdict ok(String summary) {
        return new Verdict(true, "OK: " + summary);
    }

    static Verdict failed(VerificationFailure failure) {
        return new Verdict(false, "FAILED: " + failure.getMessage());
    }
}
