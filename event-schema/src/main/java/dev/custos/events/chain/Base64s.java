package dev.custos.events.chain;

import java.util.Base64;

/**
 * Strict standard base64 (RFC 4648 §4, padded): the JDK's decoder also takes missing padding and stray low bits,
 * so one value would have many spellings; here only the one the encoder writes is read.
 */
public final class Base64s {

    private Base64s() {}

    /** The bytes {@code text} encodes, or null unless it is their one canonical padded encoding. */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
    }
}
