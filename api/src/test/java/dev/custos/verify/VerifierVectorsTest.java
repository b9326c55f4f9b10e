package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published RFC 6962 proof cases of transparency-dev/merkle (kept in the event-schema module), run through the
 * verifier's own path: each case's proof written as the proof route answers it, read by the verifier's proof reader
 * and checked by {@link ProofCheck}, as {@code --inclusion} and {@code --consistency} are. A case that must be
 * refused is refused (by the reader or the check), every other accepted.
 */
class VerifierVectorsTest {

    private static final Path VECTORS = Path.of("..", "event-schema", "src", "test", "resources", "rfc6962");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> everyInclusionCase() throws IOException {
        return cases("inclusion")
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode c = JSON.readTree(file.toFile());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    // Written as the route would, with numbers as given, even past what a long holds: the reader
                    // decides.
                    BigInteger leafIndex = c.get("leafIdx").bigIntegerValue();
                    answer.put("seq", leafIndex.add(BigInteger.ONE));
                    answer.put("leaf_index", leafIndex);
                    answer.put("tree_size", c.get("treeSize").bigIntegerValue());
                    answer.put("hashes", base64Strings(c.get("proof")));
                    boolean accepted = accepted(() -> ProofCheck.inclusion(
                            InclusionProof.read(write(answer)),
                            bytes(c.get("leafHash")),
                            c.get("treeSize").asLong(),
                            bytes(c.get("root"))));
                    assertThat(accepted)
                            .as(c.path("desc").asText())
                            .isEqualTo(!c.get("wantErr").asBoolean());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyConsistencyCase() throws IOException {
        return cases("consistency")
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode c = JSON.readTree(file.toFile());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("from", c.get("size1").bigIntegerValue());
                    answer.put("to", c.get("size2").bigIntegerValue());
                    answer.put("hashes", base64Strings(c.get("proof")));
                    boolean accepted = accepted(() -> ProofCheck.consistency(
                            ConsistencyProof.read(write(answer)),
                            c.get("size1").asLong(),
                            bytes(c.get("root1")),
                            c.get("size2").asLong(),
                            bytes(c.get("root2"))));
                    assertThat(accepted)
                            .as(c.path("desc").asText())
                            .isEqualTo(!c.get("wantErr").asBoolean());
                }));
    }

    @Test
    void allOfThePublishedCasesAreRun() throws IOException {
        assertThat(cases("inclusion").count() + cases("consistency").count()).isEqualTo(196);
    }

    /** A check as the command runs it: accepted unless it fails. */
    private interface Check {
        void run() throws IOException, VerificationFailure;
    }

    private static boolean accepted(Check check) throws IOException {
        try {
            check.run();
            return true;
        } catch (VerificationFailure refused) {
            return false;
        }
    }

    private Path write(Map<String, Object> answer) throws IOException {
        return Files.writeString(directory.resolve("proof.json"), JSON.writeValueAsString(answer));
    }

    private static Stream<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS.resolve(kind))) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }

    /** The proof's hashes as the vectors give them (base64 text, whatever length it decodes to). */
    private static List<String> base64Strings(JsonNode array) {
        List<String> hashes = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(hash -> hashes.add(hash.asText()));
        }
        return hashes;
    }
}
