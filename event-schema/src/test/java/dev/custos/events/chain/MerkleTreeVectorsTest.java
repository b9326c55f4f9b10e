package dev.custos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published RFC 6962 proof cases of transparency-dev/merkle (src/test/resources/rfc6962, copied unchanged from
 * the project's shared vectors with their licence), each run as it is: every case that must be refused is refused,
 * every other accepted. Plus the tree heads of the RFC's reference leaves.
 */
class MerkleTreeVectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> everyInclusionCase() throws Exception {
        return cases("inclusion")
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode c = JSON.readTree(file.toFile());
                    if (!c.get("leafIdx").canConvertToLong()
                            || !c.get("treeSize").canConvertToLong()) {
                        // An index or size past 2^63 leaves is no tree anyone holds: refused by its type.
                        assertThat(c.get("wantErr").asBoolean())
                                .as(c.path("desc").asText())
                                .isTrue();
                        return;
                    }
                    boolean accepted = MerkleTree.verifyInclusion(
                            c.get("leafIdx").asLong(),
                            c.get("treeSize").asLong(),
                            bytes(c.get("leafHash")),
                            hashes(c.get("proof")),
                            bytes(c.get("root")));
                    assertThat(accepted)
                            .as(c.path("desc").asText())
                            .isEqualTo(!c.get("wantErr").asBoolean());
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyConsistencyCase() throws Exception {
        return cases("consistency")
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    JsonNode c = JSON.readTree(file.toFile());
                    boolean accepted = MerkleTree.verifyConsistency(
                            c.get("size1").asLong(),
                            c.get("size2").asLong(),
                            hashes(c.get("proof")),
                            bytes(c.get("root1")),
                            bytes(c.get("root2")));
                    assertThat(accepted)
                            .as(c.path("desc").asText())
                            .isEqualTo(!c.get("wantErr").asBoolean());
                }));
    }

    @Test
    void allOfThePublishedCasesAreHere() throws Exception {
        assertThat(cases("inclusion").count() + cases("consistency").count()).isEqualTo(196);
    }

    /** RFC 6962's reference leaves, whose heads of one, two and eight leaves CT's and Go's test suites give. */
    @Test
    void theHeadsOfTheReferenceTree() {
        HexFormat hex = HexFormat.of();
        List<byte[]> leaves = new ArrayList<>();
        for (String entry : List.of(
                "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")) {
            leaves.add(MerkleTree.leafHash(hex.parseHex(entry)));
        }
        assertThat(hex.formatHex(MerkleTree.root(leaves.subList(0, 1))))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex.formatHex(MerkleTree.root(leaves.subList(0, 2))))
                .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex.formatHex(MerkleTree.root(leaves)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(hex.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private static Stream<Path> cases(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(
                MerkleTreeVectorsTest.class.getResource("/rfc6962/" + kind).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(hash -> hashes.add(bytes(hash)));
        }
        return hashes;
    }
}
