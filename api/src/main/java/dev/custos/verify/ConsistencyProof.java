package dev.custos.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The answer of {@code GET /api/audit/proof/consistency}: the proof that the tree of {@code to} leaves extends its
 *  first {@code from}. */
record ConsistencyProof(long from, long to, List<byte[]> hashes) {

    static ConsistencyProof read(Path file) throws IOException, VerificationFailure {
        String where = "the consistency proof " + file.getFileName();
        JsonFields fields =
                JsonFields.of(JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8), where), where);
        fields.onlyFields(Set.of("from", "to", "hashes"));
        return new ConsistencyProof(
                fields.positiveNumber("from"), fields.positiveNumber("to"), fields.base64Hashes("hashes"));
    }
}
