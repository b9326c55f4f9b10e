package dev.custos.api.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to configure when the production jar is started as if it were the development one. */
class NoEmbeddedServersFailureAnalyzer extends AbstractFailureAnalyzer<NoEmbeddedServers> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoEmbeddedServers cause) {
        return new FailureAnalysis(
                String.join(" and ", cause.unsetSettings())
                        + " unset: the service would start its embedded PostgreSQL and S3, but this jar does not"
                        + " carry them (the production jar leaves them out; ./custos run adds them).",
                "In production, set CUSTOS_DB_URL, CUSTOS_DB_USER and CUSTOS_DB_PASSWORD (an external PostgreSQL)"
                        + " and CUSTOS_S3_ENDPOINT, CUSTOS_S3_ACCESS_KEY and CUSTOS_S3_SECRET_KEY (an S3-compatible"
                        + " store). For development, start the embedded default with ./custos run.",
                cause);
    }
}
