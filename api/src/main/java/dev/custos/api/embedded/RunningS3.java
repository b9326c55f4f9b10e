package dev.custos.api.embedded;

/** The embedded S3, started: where it answers, its credentials (secrets: never log them) and how to stop it. */
public record RunningS3(String url, String region, String accessKey, String secretKey, AutoCloseable server)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        server.close();
    }

    @Override
    public String toString() {
        return "RunningS3[" + url + "]";
    }
}
