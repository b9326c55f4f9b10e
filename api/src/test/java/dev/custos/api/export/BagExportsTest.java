package dev.custos.api.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.blob.BlobStorage;
import dev.custos.api.blob.S3Clients;
import dev.custos.api.blob.S3Endpoint;
import dev.custos.api.blob.Sha256;
import dev.custos.embedded.EmbeddedS3;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Bags exported into a real S3 (the embedded S3Proxy, which checks signatures and link expiry), downloaded through
 * their signed links and read by the Library of Congress's BagIt library rather than by the code that wrote them.
 */
class BagExportsTest {

    private static final String BUCKET = "custos-exports-test";
    private static final Instant EXPORTED_AT = Instant.parse("2026-03-04T05:06:07.891Z");
    private static final List<String> TAG_FILES =
            List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt");

    @TempDir
    static Path storeDirectory;

    private static EmbeddedS3 store;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static BagExports exports;

    @TempDir
    Path unpacked;

    @BeforeAll
    static void startStore() {
        store = EmbeddedS3.start(storeDirectory);
        S3Endpoint endpoint = new S3Endpoint(store.url(), store.region(), BUCKET, store.accessKey(), store.secretKey());
        s3 = S3Clients.connect(endpoint);
        presigner = S3Clients.presigner(endpoint);
        exports = new BagExports(new BlobStorage(s3, presigner, BUCKET), Clock.fixed(EXPORTED_AT, ZoneOffset.UTC));
    }

    @AfterAll
    static void stopStore() throws Exception {
        presigner.close();
        s3.close();
        store.close();
    }

    @Test
    void theSignedLinkDownloadsTheStoredBagAndABagItValidatorAcceptsIt() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID dossier = UUID.randomUUID();
        UUID videoId = UUID.randomUUID();
        // Random bytes do not deflate: the zip outgrows one upload part, so the multipart path runs.
        byte[] video = randomBytes(BlobStorage.PART_BYTES + 1_234_567, 1);
        byte[] letter = "Dear adjuster,\n".getBytes(UTF_8);
        byte[] document = "{\"claim\":\"water damage\"}".getBytes(UTF_8);
        String dossierSha256 = Sha256.hex(document);
        Instant requested = Instant.now();

        ExportAnswer answer = exports.export(new BagSource(
                        tenant,
                        "claim_dossier",
                        dossier,
                        "Dossier-SHA256",
                        dossierSha256,
                        "dossier.json",
                        document,
                        List.of(
                                stored(tenant, "evidence/" + videoId + "-site survey.mp4", video),
                                stored(tenant, "evidence/letter.txt", letter),
                                stored(tenant, "evidence/empty.bin", new byte[0]))))
                .block(Duration.ofMinutes(2));

        assertThat(answer.format()).isEqualTo("bagit-zip");
        assertThat(answer.expiresAt())
                .isBetween(
                        requested.plus(BagExports.LINK_LIFETIME).minusSeconds(1),
                        Instant.now().plus(BagExports.LINK_LIFETIME).plusSeconds(1));
        assertThat(s3.headObject(
                                head -> head.bucket(BUCKET).key("exports/" + tenant + "/" + answer.exportId() + ".zip"))
                        .contentLength())
                .isEqualTo(answer.bytes());
        HttpResponse<byte[]> download = download(answer);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        disposition -> assertThat(disposition).contains("custos-claim_dossier-" + dossier + ".zip"));
        byte[] zip = download.body();
        assertThat(zip.length).isGreaterThan(BlobStorage.PART_BYTES).isEqualTo(answer.bytes());
        assertThat(Sha256.hex(zip)).isEqualTo(answer.sha256());

        List<String> entries = unpack(zip);
        String bagName = "custos-claim_dossier-" + dossier;
        assertThat(entries).allSatisfy(entry -> assertThat(entry).startsWith(bagName + "/"));
        Path bagDirectory = unpacked.resolve(bagName);
        Bag bag = new BagReader().read(bagDirectory);
        try (BagVerifier verifier = new BagVerifier()) {
            assertThatCode(() -> verifier.isValid(bag, false)).doesNotThrowAnyException();
        }
        assertThatCode(() -> BagVerifier.quicklyVerify(bag)).as("Payload-Oxum").doesNotThrowAnyException();
        assertThat(bag.getMetadata().get("Source-Organization")).containsExactly("Custos");
        assertThat(bag.getMetadata().get("External-Identifier")).containsExactly("claim_dossier/" + dossier);
        assertThat(bag.getMetadata().get("Custos-Tenant-Id")).containsExactly(tenant.toString());
        assertThat(bag.getMetadata().get("Dossier-SHA256")).containsExactly(dossierSha256);
        assertThat(bag.getMetadata().get("Payload-Oxum"))
                .containsExactly((document.length + video.length + letter.length) + ".4");
        assertThat(bag.getMetadata().get("Bagging-Date")).containsExactly("2026-03-04");
        assertThat(bag.getMetadata().get("Custos-Exported-At")).containsExactly("2026-03-04T05:06:07Z");
        assertThat(sha256Manifest(bag))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        bagDirectory.resolve("data/dossier.json"), dossierSha256,
                        bagDirectory.resolve("data/evidence/" + videoId + "-site_survey.mp4"), Sha256.hex(video),
                        bagDirectory.resolve("data/evidence/letter.txt"), Sha256.hex(letter),
                        bagDirectory.resolve("data/evidence/empty.bin"), Sha256.hex(new byte[0])));
        assertThat(Files.readAllBytes(bagDirectory.resolve("data/dossier.json")))
                .isEqualTo(document);
        assertThat(Files.readString(bagDirectory.resolve("bagit.txt")))
                .isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        assertThat(Files.readString(bagDirectory.resolve("tagmanifest-sha256.txt")))
                .contains("  bagit.txt\n", "  bag-info.txt\n", "  manifest-sha256.txt\n");
    }

    /** Ways the stored bytes of a payload file can differ from what its record says. */
    enum Tampering {
        ONE_BYTE_CHANGED,
        ONE_BYTE_MORE,
        ONE_BYTE_FEWER;

        byte[] apply(byte[] recorded) {
            return switch (this) {
                case ONE_BYTE_CHANGED -> {
                    byte[] changed = recorded.clone();
                    changed[changed.length / 2] ^= 1;
                    yield changed;
                }
                case ONE_BYTE_MORE -> Arrays.copyOf(recorded, recorded.length + 1);
                case ONE_BYTE_FEWER -> Arrays.copyOf(recorded, recorded.length - 1);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void storedBytesThatAreNotTheRecordedOnesFailTheExportAndLeaveNoBag(Tampering tampering) {
        UUID tenant = UUID.randomUUID();
        byte[] recorded = randomBytes(4096, 2);
        byte[] tampered = tampering.apply(recorded);
        PayloadFile damaged =
                new PayloadFile("evidence/report.pdf", put(tenant, tampered), Sha256.hex(recorded), recorded.length);
        // A first file of more than one part: the damage is found after the multipart upload has begun.
        byte[] document = "{}".getBytes(UTF_8);
        BagSource source = new BagSource(
                tenant,
                "defense_pack",
                UUID.randomUUID(),
                "Pack-SHA256",
                Sha256.hex(document),
                "manifest.json",
                document,
                List.of(stored(tenant, "evidence/video.mp4", randomBytes(BlobStorage.PART_BYTES + 1, 3)), damaged));

        assertThatThrownBy(() -> exports.export(source).block(Duration.ofMinutes(2)))
                .isInstanceOf(PayloadIntegrityFailure.class)
                .hasMessageContaining("data/evidence/report.pdf");

        String prefix = "exports/" + tenant + "/";
        assertThat(s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(prefix)).contents())
                .isEmpty();
        assertThat(s3.listMultipartUploads(list -> list.bucket(BUCKET).prefix(prefix))
                        .uploads())
                .isEmpty();
    }

    @Test
    void namesChosenByOthersStayInsideDataAndNeverReplaceOneAnother() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID dossier = UUID.randomUUID();
        List<String> wanted = List.of(
                "../../bagit.txt",
                "/etc/passwd",
                "evidence/../../../escape.txt",
                "..\\..\\windows.txt",
                "evidence/Photo.JPG",
                "evidence/photo.jpg",
                "dossier.json",
                ".hidden",
                "..",
                "",
                "évidence/naïve résumé.pdf",
                "data/../../manifest-sha256.txt",
                "evidence",
                "evidence/x/y.txt");
        List<PayloadFile> payload = new ArrayList<>();
        for (String path : wanted) {
            payload.add(stored(tenant, path, ("the file wanted at " + path).getBytes(UTF_8)));
        }
        byte[] document = "{}".getBytes(UTF_8);

        ExportAnswer answer = exports.export(new BagSource(
                        tenant,
                        "claim_dossier",
                        dossier,
                        "Dossier-SHA256",
                        Sha256.hex(document),
                        "dossier.json",
                        document,
                        payload))
                .block(Duration.ofMinutes(1));

        String bagName = "custos-claim_dossier-" + dossier;
        List<String> entries = unpack(download(answer).body());
        assertThat(entries).hasSize(TAG_FILES.size() + 1 + wanted.size());
        assertThat(entries.stream().map(entry -> entry.toLowerCase(Locale.ROOT)).distinct())
                .hasSameSizeAs(entries);
        assertThat(entries).allSatisfy(entry -> assertThat(entry).startsWith(bagName + "/"));
        assertThat(entries)
                .filteredOn(entry -> !TAG_FILES.contains(entry.substring(bagName.length() + 1)))
                .allSatisfy(entry -> {
                    assertThat(entry).startsWith(bagName + "/data/").matches("[A-Za-z0-9._/-]+");
                    assertThat(Path.of(entry).normalize()).isEqualTo(Path.of(entry));
                });
        Path bagDirectory = unpacked.resolve(bagName);
        assertThat(Files.readString(bagDirectory.resolve("bagit.txt"))).isEqualTo(BagExports.DECLARATION);
        Bag bag = new BagReader().read(bagDirectory);
        try (BagVerifier verifier = new BagVerifier()) {
            assertThatCode(() -> verifier.isValid(bag, false)).doesNotThrowAnyException();
        }
        List<String> everyFile =
                new ArrayList<>(payload.stream().map(PayloadFile::sha256).toList());
        everyFile.add(Sha256.hex(document));
        assertThat(sha256Manifest(bag).values())
                .as("every file, none replaced by another")
                .containsExactlyInAnyOrderElementsOf(everyFile);
    }

    private static PayloadFile stored(UUID tenant, String path, byte[] content) {
        return new PayloadFile(path, put(tenant, content), Sha256.hex(content), content.length);
    }

    private static String put(UUID tenant, byte[] content) {
        String key = "evidence/" + tenant + "/" + UUID.randomUUID();
        s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
        return key;
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static HttpResponse<byte[]> download(ExportAnswer answer) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(answer.url())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Unzips into {@link #unpacked}, refusing any entry that would land outside it; answers the entry names. */
    private List<String> unpack(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertThat(target).startsWithRaw(unpacked);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Map<Path, String> sha256Manifest(Bag bag) {
        assertThat(bag.getPayLoadManifests()).hasSize(1);
        Manifest manifest = bag.getPayLoadManifests().iterator().next();
        assertThat(manifest.getAlgorithm().getBagitName()).isEqualTo("sha256");
        return manifest.getFileToChecksumMap();
    }
}
