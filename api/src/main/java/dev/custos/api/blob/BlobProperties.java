package dev.custos.api.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_S3_ENDPOINT}, {@code CUSTOS_S3_REGION}, {@code CUSTOS_S3_BUCKET}, {@code CUSTOS_S3_ACCESS_KEY} and
 * {@code CUSTOS_S3_SECRET_KEY}: any S3-compatible store (AWS S3, Cloudflare R2, MinIO). Without an endpoint the
 * service runs the embedded S3Proxy under {@code <data dir>/blobs}.
 */
@ConfigurationProperties("custos.s3")
public record BlobProperties(String endpoint, String region, String bucket, String accessKey, String secretKey) {

    public boolean external() {
        return endpoint != null && !endpoint.isBlank();
    }

    public String bucketOrDefault() {
        return bucket == null || bucket.isBlank() ? "custos" : bucket;
    }

    public S3Endpoint toEndpoint() {
        return new S3Endpoint(
                endpoint,
                region == null || region.isBlank() ? "us-east-1" : region,
                bucketOrDefault(),
                accessKey,
                secretKey);
    }

    @Override
    public String toString() {
        return "BlobProperties[" + endpoint + ", bucket=" + bucket + "]";
    }
}
