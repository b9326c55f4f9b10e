package dev.custos.api.blob;

/** The store actually used: the configured one, or the embedded S3Proxy. The keys are secrets: never log this. */
public record S3Endpoint(String endpoint, String region, String bucket, String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "S3Endpoint[" + endpoint + ", bucket=" + bucket + "]";
    }
}
