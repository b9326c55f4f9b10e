package dev.custos.api.export;

import dev.custos.api.access.Action;
import dev.custos.api.blob.BlobStorage;
import dev.custos.api.blob.PresignedDownload;
import dev.custos.api.blob.StoredBlob;
import dev.custos.api.blob.UploadStream;
import dev.custos.api.problem.ProblemException;
import dev.custos.command.Refusal;
import dev.custos.events.operator.PackExported;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exports a source object as a zipped BagIt bag (RFC 8493) into blob storage and answers a signed link to it. The
 * bag streams: every payload file goes from the store through the zip into a multipart upload, hashed on the way,
 * so memory stays at one upload part and one copy buffer whatever the size of the files or of the bag. A payload
 * file whose stored bytes are not the ones its source records fails the export and leaves no object: a bag never
 * claims hashes its files do not have.
 */
@Service
public class BagExports {

    static final String FORMAT = "bagit-zip";
    /**
     * Long enough to start the download right after the answer, short enough that a leaked link is soon useless;
     * the bag stays stored, and a new export answers a new link.
     */
    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);

    static final String DECLARATION = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

    private static final Logger log = LoggerFactory.getLogger(BagExports.class);

    private final BlobStorage blobs;
    private final Clock clock;

    BagExports(BlobStorage blobs, Clock clock) {
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * Writes the bag of {@code source} to {@code exports/<tenant>/<export id>.zip} and answers it. Runs on the
     * bounded elastic scheduler: it blocks on the store throughout.
     *
     * @return the answer, or a {@link PayloadIntegrityFailure} if a payload file's stored bytes are not the
     * recorded ones
     */
    public Mono<ExportAnswer> export(BagSource source) {
        return Mono.fromCallable(() -> store(source)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * An operator's export: the bag of {@code source}, put on record as a {@link PackExported} event with its id,
     * size and sha256 (and so audited, and billed when the action is) once it is stored, so a failed export is
     * neither. A payload whose stored bytes no longer match is a conflict the operator can act on (verify the
     * evidence), never a server error.
     */
    public Mono<ExportAnswer> export(Action<?> action, Mono<BagSource> source) {
        return source.flatMap(bag -> export(bag)
                        .flatMap(answer -> action.record(new PackExported(
                                        bag.tenantId(),
                                        action.acting().circleId(),
                                        bag.sourceType(),
                                        bag.sourceId(),
                                        answer.exportId(),
                                        answer.format(),
                                        answer.bytes(),
                                        answer.sha256(),
                                        clock.instant(),
                                        action.individualId()))
                                .thenReturn(answer)))
                .onErrorMap(
                        PayloadIntegrityFailure.class,
                        failure -> ProblemException.refused(
                                Refusal.INTEGRITY_FAILURE,
                                "evidence of this export no longer matches its recorded sha256: verify it"));
    }

    private ExportAnswer store(BagSource source) throws IOException {
        UUID exportId = UUID.randomUUID();
        Instant exportedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String key = "exports/" + source.tenantId() + "/" + exportId + ".zip";
        StoredBlob stored;
        UploadStream upload = blobs.openUpload(key);
        // Resources close in reverse: a failed bag's upload is aborted before the zip's close writes its end into it.
        try (ZipOutputStream zip = new ZipOutputStream(upload, StandardCharsets.UTF_8);
                upload) {
            writeBag(new BagWriter(zip, source.bagName(), exportedAt, blobs::open), source, exportId, exportedAt);
            zip.finish();
            stored = upload.complete();
        } catch (PayloadIntegrityFailure failure) {
            log.error(
                    "Export {} of {} {} of tenant {} stopped, nothing was stored: {}",
                    exportId,
                    source.sourceType(),
                    source.sourceId(),
                    source.tenantId(),
                    failure.getMessage());
            throw failure;
        }
        PresignedDownload link =
                blobs.presignDownload(key, "attachment; filename=\"" + source.bagName() + ".zip\"", LINK_LIFETIME);
        return new ExportAnswer(exportId, FORMAT, stored.bytes(), stored.sha256(), link.url(), link.expiresAt());
    }

    /** The tag files that describe the bag first, then the payload, then the manifests that cover it all. */
    private static void writeBag(BagWriter bag, BagSource source, UUID exportId, Instant exportedAt)
            throws IOException {
        BagPaths paths = new BagPaths();
        String documentPath = paths.allocate(source.documentName());
        List<String> payloadPaths = source.payload().stream()
                .map(file -> paths.allocate(file.path()))
                .toList();
        bag.tagFile("bagit.txt", DECLARATION);
        bag.tagFile("bag-info.txt", bagInfo(source, exportId, exportedAt));
        bag.payload(documentPath, source.document());
        for (int i = 0; i < payloadPaths.size(); i++) {
            bag.payload(payloadPaths.get(i), source.payload().get(i));
        }
        bag.manifests();
    }

    private static String bagInfo(BagSource source, UUID exportId, Instant exportedAt) {
        return "Source-Organization: Custos\n"
                + "External-Identifier: " + source.sourceType() + "/" + source.sourceId() + "\n"
                + "Custos-Tenant-Id: " + source.tenantId() + "\n"
                + "Custos-Source-Type: " + source.sourceType() + "\n"
                + "Custos-Source-Id: " + source.sourceId() + "\n"
                + "Custos-Export-Id: " + exportId + "\n"
                + source.digestLabel() + ": " + source.digestSha256() + "\n"
                + "Bagging-Date: " + LocalDate.ofInstant(exportedAt, ZoneOffset.UTC) + "\n"
                + "Custos-Exported-At: " + exportedAt + "\n"
                + "Payload-Oxum: " + source.payloadOxum() + "\n";
    }
}
