package dev.custos.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The answer of {@code GET /api/audit/proof/inclusion}: the proof that the entry of {@code seq} is in the tree of
 *  {@code treeSize} leaves, its siblings nearest the leaf first. */
record InclusionProof(long seq, long leafIndex, long treeSize, List<byte[]> hashes) {

    static InclusionProof read(Path file) throws IOException, VerificationFailure {
        String where = "the inclusion proof " + file.getFileName();
        JsonFields fields =
                JsonFields.of(JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8), where), where);
        fields.onlyFields(Set.of("seq", "leaf_index", "tree_size", "hashes"));
        return new InclusionProof(
                fields.positiveNumber("seq"),
                fields.number("leaf_index"),
                fields.positiveNumber("tree_size"),
                fields.base64Hashes("hashes"));
    }
}
