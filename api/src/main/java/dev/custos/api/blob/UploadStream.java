package dev.custos.api.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An object written as a stream, for writers that produce their bytes rather than read them from somewhere (a zip
 * being built). The bytes are counted and hashed as they are written and sent as parts of a multipart upload of
 * {@value BlobStorage#PART_BYTES} bytes as each part fills, so memory stays at one part whatever the size. An object
 * smaller than one part is sent in a single PUT instead, because S3 refuses a multipart upload's first part below
 * 5 MiB unless it is also the last.
 *
 * <p>Nothing is stored until {@link #complete()}. Closing the stream without completing it aborts the upload, so a
 * writer that fails half-way leaves no object: use it in a try-with-resources and complete it at the end.
 */
public final class UploadStream extends OutputStream {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Consumer<String> abort;
    private final MessageDigest sha256 = Sha256.digest();
    private final byte[] part = new byte[BlobStorage.PART_BYTES];
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private long total;
    private String uploadId;
    private boolean completed;
    private boolean closed;

    /** @param abort aborts the multipart upload of the given upload id; must not throw */
    UploadStream(S3Client s3, String bucket, String key, Consumer<String> abort) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.abort = abort;
    }

    @Override
    public void write(int b) throws IOException {
        ensureWritable();
        sha256.update((byte) b);
        total++;
        part[filled++] = (byte) b;
        if (filled == part.length) {
            sendPart();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureWritable();
        sha256.update(bytes, offset, length);
        total += length;
        while (length > 0) {
            int taken = Math.min(length, part.length - filled);
            System.arraycopy(bytes, offset, part, filled, taken);
            filled += taken;
            offset += taken;
            length -= taken;
            if (filled == part.length) {
                sendPart();
            }
        }
    }

    /** Stores everything written so far as the object and answers its size and SHA-256. */
    public StoredBlob complete() throws IOException {
        ensureWritable();
        if (uploadId == null) {
            s3.putObject(
                    put -> put.bucket(bucket).key(key),
                    RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, filled), filled));
        } else {
            if (filled > 0) {
                sendPart();
            }
            s3.completeMultipartUpload(complete ->
                    complete.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(upload -> upload.parts(parts)));
        }
        completed = true;
        return new StoredBlob(total, Sha256.hex(sha256));
    }

    /** Aborts the upload unless it was completed; either way, nothing more can be written. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!completed && uploadId != null) {
            abort.accept(uploadId);
        }
    }

    private void sendPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key))
                    .uploadId();
        }
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
        filled = 0;
    }

    private void ensureWritable() throws IOException {
        if (closed || completed) {
            throw new IOException("the upload of " + key + " is already " + (completed ? "complete" : "closed"));
        }
    }
}
