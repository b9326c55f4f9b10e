package dev.custos.api.authority;

import dev.custos.events.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Share tokens: 32 random bytes from the platform CSPRNG, base64url without padding. Only their SHA-256 is ever
 * stored or recorded; comparisons of hashes are constant-time.
 */
public final class ShareTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private ShareTokens() {}

    public static String newToken() {
        byte[] raw = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The token's stored form: its SHA-256 in hex, computed where every other hash of Custos is. */
    public static String sha256Hex(String token) {
        return CanonicalJson.sha256Hex(token);
    }

    public static boolean sameHash(String expectedHex, String actualHex) {
        if (expectedHex == null || actualHex == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expectedHex.getBytes(StandardCharsets.US_ASCII), actualHex.getBytes(StandardCharsets.US_ASCII));
    }
}
