package dev.custos.api.embedded;

import java.nio.file.Path;

/**
 * Starts the embedded default's servers. A bean only when the embedded module is on the class path, as
 * {@code ./custos run} and the tests put it there; the production jar does not carry it ({@link EmbeddedDefaultCheck}).
 */
public interface EmbeddedServers {

    /** A PostgreSQL with its data under {@code <dataDirectory>/postgres}. */
    RunningPostgres startPostgres(Path dataDirectory);

    /** An S3 with its blobs under {@code <dataDirectory>/blobs}. */
    RunningS3 startS3(Path dataDirectory);
}
