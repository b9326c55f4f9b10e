package dev.custos.api.evidence;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.custos.api.blob.BlobStorage;
import dev.custos.query.evidence.EvidenceView;

/** Turns evidence of the read model into the contract's summary, with a download link signed for 60 seconds. */
@Component
public class EvidenceSummaries {

    static final Duration DOWNLOAD_LIFETIME = Duration.ofSeconds(60);

    private final BlobStorage blobs;

    EvidenceSummaries(BlobStorage blobs) {
        this.blobs = blobs;
    }

    public EvidenceSummary of(EvidenceView view) {
        return EvidenceSummary.of(view, view.destroyed() ? null
                : blobs.presignDownload(view.blobKey(), Filenames.contentDisposition(view.title(), view.id()),
                        DOWNLOAD_LIFETIME).url());
    }
}
