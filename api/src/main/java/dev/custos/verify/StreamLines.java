package dev.custos.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The stream file's lines, read as the bytes they are: a line ends at the LF byte and nowhere else (U+2028, which
 * the service writes raw inside strings, is not a break), and each line must be exact UTF-8. A byte that is not
 * UTF-8, or a CR, is refused at its line: a file that differs from what was served must not verify, as it would if
 * it were decoded kindly (a replaced byte reads as U+FFFD, the very character the service may have written).
 */
final class StreamLines implements AutoCloseable {

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long number;

    StreamLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its LF, or null at the end of the file. */
    String next() throws IOException, VerificationFailure {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        number++;
        while (b >= 0 && b != '\n') {
            if (b == '\r') {
                throw new VerificationFailure("line " + number + ": holds a carriage return; the stream's lines end "
                        + "with LF alone, and JSON text in them has no raw CR");
            }
            line.write(b);
            b = in.read();
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new VerificationFailure("line " + number + ": is not UTF-8 (a byte was changed, or the file was "
                    + "re-encoded): it is not the line the service served");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
