package dev.custos.api.blob;

import dev.custos.api.embedded.EmbeddedServers;
import dev.custos.api.embedded.RunningS3;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner (see {@link S3Clients}), on the configured store or on the embedded S3Proxy.
 */
@Configuration(proxyBeanMethods = false)
class BlobConfiguration {

    /** The embedded default's S3 when no external store is configured (EmbeddedDefaultCheck vouches for it). */
    @Bean(destroyMethod = "close")
    EmbeddedS3Holder embeddedS3(
            BlobProperties properties,
            ObjectProvider<EmbeddedServers> embeddedServers,
            @Value("${custos.data-dir:./data}") String dataDir) {
        return new EmbeddedS3Holder(
                properties.external() ? null : embeddedServers.getObject().startS3(Path.of(dataDir)));
    }

    @Bean
    S3Endpoint s3Endpoint(BlobProperties properties, EmbeddedS3Holder embedded) {
        RunningS3 server = embedded.server();
        return server == null
                ? properties.toEndpoint()
                : new S3Endpoint(
                        server.url(),
                        server.region(),
                        properties.bucketOrDefault(),
                        server.accessKey(),
                        server.secretKey());
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Endpoint blob) {
        return S3Clients.connect(blob);
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(S3Endpoint blob) {
        return S3Clients.presigner(blob);
    }

    @Bean
    BlobStorage blobStorage(S3Client s3Client, S3Presigner s3Presigner, S3Endpoint blob) {
        return new BlobStorage(s3Client, s3Presigner, blob.bucket());
    }

    /** Keeps the embedded S3, if any, alive for the context's lifetime. */
    record EmbeddedS3Holder(RunningS3 server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
