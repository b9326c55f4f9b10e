package dev.custos.verify;

/**
 * What the stream's Merkle leaves are checked against while the stream is walked: signed tree heads whose roots the
 * leaves must give, or a consistency proof the new lines must fill in. Each leaf is passed once, in order.
 */
interface TreeCheck {

    /** No signed tree head given: the leaves are not hashed at all. */
    TreeCheck NONE = new TreeCheck() {
        @Override
        public void accept(long seq, byte[] leafHash, String where) {}

        @Override
        public void verifyTail(String end, long lastSeq) {}

        @Override
        public String summary(long lastSeq) {
            return "";
        }
    };

    /** The leaf of the line of {@code seq} (null when redacted); {@code where} names the line in failures. */
    void accept(long seq, byte[] leafHash, String where) throws VerificationFailure;

    /** After the last line ({@code end} describes where the stream ended): a tree head past it lost the tail. */
    void verifyTail(String end, long lastSeq) throws VerificationFailure;

    /** What was proven, as "; ..." to append to the verdict, or empty. */
    String summary(long lastSeq);
}
