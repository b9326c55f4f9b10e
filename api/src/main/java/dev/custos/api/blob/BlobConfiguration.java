package dev.custos.api.blob;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner, on the configured store or on the embedded S3Proxy. Path-style addressing and
 * checksums only where required keep the client compatible with every S3 implementation, not just AWS.
 */
@Configuration(proxyBeanMethods = false)
class BlobConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedS3Holder embeddedS3(BlobProperties properties, @Value("${custos.data-dir:./data}") String dataDir) {
        return new EmbeddedS3Holder(properties.external() ? null : EmbeddedS3.start(Path.of(dataDir)));
    }

    @Bean
    S3Endpoint s3Endpoint(BlobProperties properties, EmbeddedS3Holder embedded) {
        return embedded.server() == null ? properties.toEndpoint()
                : embedded.server().endpoint(properties.bucketOrDefault());
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Endpoint blob) {
        S3Client client = S3Client.builder()
                .endpointOverride(URI.create(blob.endpoint()))
                .region(Region.of(blob.region()))
                .credentialsProvider(credentials(blob))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        try {
            client.headBucket(head -> head.bucket(blob.bucket()));
        } catch (NoSuchBucketException missing) {
            client.createBucket(create -> create.bucket(blob.bucket()));
        }
        return client;
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(S3Endpoint blob) {
        return S3Presigner.builder()
                .endpointOverride(URI.create(blob.endpoint()))
                .region(Region.of(blob.region()))
                .credentialsProvider(credentials(blob))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    @Bean
    BlobStorage blobStorage(S3Client s3Client, S3Presigner s3Presigner, S3Endpoint blob) {
        return new BlobStorage(s3Client, s3Presigner, blob.bucket());
    }

    private static StaticCredentialsProvider credentials(S3Endpoint blob) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(blob.accessKey(), blob.secretKey()));
    }

    /** Keeps the embedded S3, if any, alive for the context's lifetime. */
    record EmbeddedS3Holder(EmbeddedS3 server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
