package dev.custos.api.evidence;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Download filenames from evidence titles, in any language. The {@code Content-Disposition} carries an ASCII
 * {@code filename} for old clients and the title itself as RFC 6266/8187 {@code filename*}, with only what no file
 * system accepts (separators, reserved and control characters) replaced.
 */
public final class Filenames {

    private static final int MAX_CODE_POINTS = 100;

    private Filenames() {}

    static String contentDisposition(String title, UUID fallbackId) {
        return "attachment; filename=\"" + ascii(title, fallbackId) + "\"; filename*=UTF-8''"
                + percentEncoded(unicode(title, fallbackId));
    }

    static String ascii(String title, UUID fallbackId) {
        String cleaned =
                title == null ? "" : title.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        cleaned = cleaned.length() > MAX_CODE_POINTS ? cleaned.substring(0, MAX_CODE_POINTS) : cleaned;
        return cleaned.replace("_", "").isEmpty() ? "evidence-" + fallbackId : cleaned;
    }

    static String unicode(String title, UUID fallbackId) {
        String cleaned = title == null
                ? ""
                : title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", "_")
                        .replaceAll("^[.\\s]+", "")
                        .strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_CODE_POINTS) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_CODE_POINTS));
        }
        return cleaned.isEmpty() ? "evidence-" + fallbackId : cleaned;
    }

    /** RFC 8187 {@code value-chars}: attr-chars stay, every other byte of the UTF-8 form is %XX. */
    static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
