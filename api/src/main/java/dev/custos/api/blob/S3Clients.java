package dev.custos.api.blob;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Clients for an {@link S3Endpoint}, built one way for the service and for tests that start their own store.
 * Path-style addressing and checksums only where required keep the client compatible with every S3
 * implementation, not just AWS.
 */
public final class S3Clients {

    private S3Clients() {}

    /** A client for the endpoint, whose bucket exists once this returns. */
    public static S3Client connect(S3Endpoint blob) {
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
            try {
                client.createBucket(create -> create.bucket(blob.bucket()));
            } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException createdMeanwhile) {
                // Another instance starting at the same moment made it: the bucket exists, which is all we need.
            }
        }
        return client;
    }

    public static S3Presigner presigner(S3Endpoint blob) {
        return S3Presigner.builder()
                .endpointOverride(URI.create(blob.endpoint()))
                .region(Region.of(blob.region()))
                .credentialsProvider(credentials(blob))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static StaticCredentialsProvider credentials(S3Endpoint blob) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(blob.accessKey(), blob.secretKey()));
    }
}
