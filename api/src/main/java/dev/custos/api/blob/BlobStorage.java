package dev.custos.api.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs in one bucket of an S3-compatible store. Uploads stream: the body is read in parts of {@value #PART_BYTES}
 * bytes, each hashed and counted and sent as one part of a multipart upload, so memory stays at one part per
 * upload whatever the size. An upload that fails or passes the limit is aborted and leaves no object.
 */
public class BlobStorage {

    public static final int PART_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BlobStorage.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public BlobStorage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Streams {@code body} to {@code key}, refusing more than {@code maxBytes}. Runs off the event loop. */
    public Mono<StoredBlob> upload(String key, Flux<DataBuffer> body, long maxBytes) {
        return Mono.fromCallable(() -> {
                    try (InputStream in = DataBufferUtils.subscriberInputStream(body, 4)) {
                        return write(key, in, maxBytes);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private StoredBlob write(String key, InputStream in, long maxBytes) throws IOException {
        MessageDigest sha256 = Sha256.digest();
        byte[] part = new byte[PART_BYTES];
        int filled = fill(in, part);
        long total = filled;
        if (filled < PART_BYTES) {
            checkLimit(total, maxBytes);
            sha256.update(part, 0, filled);
            s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(Arrays.copyOf(part, filled)));
            return new StoredBlob(total, Sha256.hex(sha256));
        }
        String uploadId = s3.createMultipartUpload(
                        create -> create.bucket(bucket).key(key))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            while (filled > 0) {
                checkLimit(total, maxBytes);
                sha256.update(part, 0, filled);
                int number = parts.size() + 1;
                long length = filled;
                String etag = s3.uploadPart(
                                upload -> upload.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength(length),
                                RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), length))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = fill(in, part);
                total += filled;
            }
            s3.completeMultipartUpload(complete ->
                    complete.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
            return new StoredBlob(total, Sha256.hex(sha256));
        } catch (RuntimeException | IOException failure) {
            abort(key, uploadId);
            throw failure;
        }
    }

    /**
     * An object written as it is produced (see {@link UploadStream}): nothing is stored until it is completed, and
     * closing it uncompleted aborts it. Writing to it blocks: write off the event loop.
     */
    public UploadStream openUpload(String key) {
        return new UploadStream(s3, bucket, key, uploadId -> abort(key, uploadId));
    }

    /** The stored bytes of {@code key} as a stream, which the caller closes. Blocking: call it off the event loop. */
    public InputStream open(String key) {
        return s3.getObject(get -> get.bucket(bucket).key(key));
    }

    /** Reads the stored bytes back and hashes them, without holding them. */
    public Mono<StoredBlob> rehash(String key) {
        return Mono.fromCallable(() -> {
                    MessageDigest sha256 = Sha256.digest();
                    long total = 0;
                    try (ResponseInputStream<GetObjectResponse> in =
                                    s3.getObject(get -> get.bucket(bucket).key(key));
                            DigestInputStream digesting = new DigestInputStream(in, sha256)) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int read; (read = digesting.read(buffer)) != -1; ) {
                            total += read;
                        }
                    }
                    return new StoredBlob(total, Sha256.hex(sha256));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Void> delete(String key) {
        return Mono.fromRunnable(
                        () -> s3.deleteObject(delete -> delete.bucket(bucket).key(key)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** A signed GET for {@code key}, downloaded as an attachment named {@code filename}. */
    public PresignedDownload presignDownload(String key, String contentDisposition, Duration lifetime) {
        var signed = presigner.presignGetObject(presign -> presign.signatureDuration(lifetime)
                .getObjectRequest(get -> get.bucket(bucket).key(key).responseContentDisposition(contentDisposition)));
        // RFC 3339 to the second, as every time in the contract; rounded down, so it never claims a longer link.
        Instant expiry = signed.expiration() == null ? Instant.now().plus(lifetime) : signed.expiration();
        return new PresignedDownload(signed.url().toString(), expiry.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Aborts an unfinished multipart upload. A client that goes away cancels the upload by interrupting this
     * thread, and an interrupted thread cannot make the abort request: the flag is set aside for the abort and put
     * back afterwards.
     */
    private void abort(String key, String uploadId) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            log.warn("Could not abort an unfinished upload; the store's lifecycle rules must remove it", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void checkLimit(long total, long maxBytes) {
        if (total > maxBytes) {
            throw new BlobTooLarge(maxBytes);
        }
    }

    /** Reads until the buffer is full or the stream ends; answers how many bytes it read. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        for (int read; filled < buffer.length && (read = in.read(buffer, filled, buffer.length - filled)) != -1; ) {
            filled += read;
        }
        return filled;
    }
}
