package dev.custos.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default for blobs: S3Proxy over a jclouds filesystem store, in this process, on 127.0.0.1.
 * It checks SigV2/SigV4 signatures and presigned-URL expiry like a real S3, so the code that talks to it is the
 * code that talks to AWS S3, R2 or MinIO. Its credentials are made fresh at every start and never leave the process.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3.class);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.context = context;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3 start(Path dataDirectory) {
        try {
            Path blobs = dataDirectory.resolve("blobs").toAbsolutePath();
            Files.createDirectories(blobs);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
            BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                    .overrides(properties)
                    .buildView(BlobStoreContext.class);
            String accessKey = "custos-" + random(8);
            String secretKey = random(32);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    // The portal page fetches a signed download to check its SHA-256 before saving it. A signed URL
                    // is the capability: any origin may GET it (curl can anyway), and no credentials are sent.
                    .corsRules(new CrossOriginResourceSharing(
                            List.of("*"),
                            List.of("GET", "HEAD"),
                            List.of("*"),
                            List.of("Content-Length", "Content-Type"),
                            "false"))
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            log.info("Embedded S3 (S3Proxy) is running on 127.0.0.1:{} with its blobs in {}", proxy.getPort(), blobs);
            return new EmbeddedS3(proxy, context, accessKey, secretKey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the embedded S3", e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded S3 could not start", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    public String url() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** S3Proxy answers as this region; clients sign their requests for it. */
    public String region() {
        return "us-east-1";
    }

    public String accessKey() {
        return accessKey;
    }

    /** A credential: never log it. */
    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
