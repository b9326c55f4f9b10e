package dev.custos.api.evidence;

import dev.custos.api.blob.BlobStorage;
import dev.custos.api.blob.PresignedDownload;
import dev.custos.query.evidence.EvidenceView;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns evidence of the read model into the contract's summary, and signs every download of evidence bytes, the
 * operator's and the portal's alike: a GET that works for 60 seconds, saved under the object's title.
 */
@Component
public class EvidenceSummaries {

    /** Short enough that a link passed on is dead before it matters; long enough to start the download. */
    public static final Duration DOWNLOAD_LIFETIME = Duration.ofSeconds(60);

    private final BlobStorage blobs;

    EvidenceSummaries(BlobStorage blobs) {
        this.blobs = blobs;
    }

    /** The summary with a fresh download link (none once destroyed). */
    public EvidenceSummary of(EvidenceView view) {
        return EvidenceSummary.of(
                view,
                view.destroyed()
                        ? null
                        : download(view.blobKey(), view.title(), view.id()).url());
    }

    public PresignedDownload download(String blobKey, String title, UUID evidenceId) {
        return blobs.presignDownload(blobKey, Filenames.contentDisposition(title, evidenceId), DOWNLOAD_LIFETIME);
    }
}
