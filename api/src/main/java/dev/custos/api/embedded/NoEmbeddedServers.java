package dev.custos.api.embedded;

import java.util.List;

/** A database or blob store left to the embedded default, in a jar that does not carry it. */
public final class NoEmbeddedServers extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> unsetSettings;

    NoEmbeddedServers(List<String> unsetSettings) {
        super(String.join(" and ", unsetSettings)
                + " unset, and the embedded default (PostgreSQL, S3Proxy) is not on the class path");
        this.unsetSettings = List.copyOf(unsetSettings);
    }

    /** The settings whose absence asks for the embedded default, by their environment names. */
    public List<String> unsetSettings() {
        return unsetSettings;
    }
}
