package dev.custos.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An export as its receiver gets it: downloaded through its signed link, checked against the answer's size and
 * sha256, unzipped and validated by the Library of Congress's BagIt library. Everything streams through files, so
 * it works in the bounded-heap test too.
 */
public final class Bags {

    private Bags() {}

    /** Downloads, checks and validates the export of {@code answer}; answers the bag, unpacked under {@code into}. */
    public static Bag downloadAndValidate(Map<?, ?> answer, Path into) throws Exception {
        assertThat(answer.get("format")).isEqualTo("bagit-zip");
        Path zip = into.resolve("export.zip");
        HttpResponse<Path> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create((String) answer.get("url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofFile(zip));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Files.size(zip)).isEqualTo(((Number) answer.get("bytes")).longValue());
        assertThat(sha256(zip)).isEqualTo(answer.get("sha256"));
        Path bagDirectory = unpack(zip, into.resolve("bag"));
        Bag bag = new BagReader().read(bagDirectory);
        try (BagVerifier verifier = new BagVerifier()) {
            assertThatCode(() -> verifier.isValid(bag, false))
                    .as("a valid BagIt bag")
                    .doesNotThrowAnyException();
        }
        return bag;
    }

    /** The text of a file under the bag's {@code data/}. */
    public static String data(Bag bag, String name) throws IOException {
        return Files.readString(bag.getRootDir().resolve("data").resolve(name), StandardCharsets.UTF_8);
    }

    private static Path unpack(Path zip, Path target) throws IOException {
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                assertThat(file).startsWithRaw(target);
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
                root = target.resolve(
                        entry.getName().substring(0, entry.getName().indexOf('/')));
            }
        }
        assertThat(root).as("a bag directory in the zip").isNotNull();
        return root;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
