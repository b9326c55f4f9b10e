package dev.custos.api.embedded;

import dev.custos.embedded.EmbeddedPostgres;
import dev.custos.embedded.EmbeddedS3;
import java.nio.file.Path;

/** The embedded module's servers; the only class of the service that names them, loaded only when they are there. */
final class EmbeddedModuleServers implements EmbeddedServers {

    @Override
    public RunningPostgres startPostgres(Path dataDirectory) {
        EmbeddedPostgres server = EmbeddedPostgres.start(dataDirectory);
        return new RunningPostgres(server.jdbcUrl(), EmbeddedPostgres.OWNER, server);
    }

    @Override
    public RunningS3 startS3(Path dataDirectory) {
        EmbeddedS3 server = EmbeddedS3.start(dataDirectory);
        return new RunningS3(server.url(), server.region(), server.accessKey(), server.secretKey(), server);
    }
}
