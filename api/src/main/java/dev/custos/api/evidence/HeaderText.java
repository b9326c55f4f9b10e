package dev.custos.api.evidence;

import dev.custos.api.problem.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Text in HTTP headers, which arrive as Latin-1. A caller sends a title in any language either as RFC 8187
 * ({@code x-evidence-title*: UTF-8''r%C3%A9sum%C3%A9.pdf}), or as raw UTF-8 in the plain header, whose bytes are
 * then read as the UTF-8 they are. A plain value that is not valid UTF-8 is taken as the Latin-1 it claims to be.
 */
final class HeaderText {

    private HeaderText() {}

    /** The plain header's value, with raw UTF-8 bytes read as UTF-8. */
    static String plain(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return strictUtf8(bytes).orElse(latin1);
    }

    /** An RFC 8187 {@code ext-value}: {@code charset'[language]'value-chars}, with UTF-8 as the charset. */
    static String extended(String value, String name) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0 || !"utf-8".equals(value.substring(0, first).toLowerCase(Locale.ROOT))) {
            throw ProblemException.badRequest(name + " must be RFC 8187: UTF-8''percent-encoded-text");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String chars = value.substring(second + 1);
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '%' && i + 2 < chars.length() && hex(chars.charAt(i + 1)) >= 0 && hex(chars.charAt(i + 2)) >= 0) {
                bytes.write(hex(chars.charAt(i + 1)) * 16 + hex(chars.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80 && c != '%') {
                bytes.write(c);
            } else {
                throw ProblemException.badRequest(name + " must be RFC 8187: UTF-8''percent-encoded-text");
            }
        }
        return strictUtf8(bytes.toByteArray())
                .orElseThrow(() -> ProblemException.badRequest(name + " is not valid UTF-8"));
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
