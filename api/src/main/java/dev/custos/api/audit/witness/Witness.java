package dev.custos.api.audit.witness;

import dev.custos.events.chain.NoteException;
import dev.custos.events.chain.NoteVerifierKey;
import dev.custos.events.chain.SignedNote;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One witness: its cosigner key (whose cosignatures alone count as its own) and the URL prefix it takes checkpoints
 * at. Nothing in it is secret; a submission URL with user information is refused so that none ends up in logs.
 */
public record Witness(NoteVerifierKey key, URI submissionPrefix) {

    public Witness {
        if (key.type() != SignedNote.COSIGNATURE_V1) {
            throw new IllegalArgumentException(
                    "the witness key " + key.name() + " is not a cosignature/v1 key (type 0x04)");
        }
        String scheme = submissionPrefix.getScheme();
        if (!submissionPrefix.isAbsolute()
                || !("https".equals(scheme) || "http".equals(scheme))
                || submissionPrefix.getHost() == null
                || submissionPrefix.getRawUserInfo() != null
                || submissionPrefix.getRawQuery() != null
                || submissionPrefix.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "the witness " + key.name() + " needs an http(s) URL prefix without user, query or fragment");
        }
    }

    /** Reads {@code <verifier key> <submission URL>}. */
    public static Witness parse(String entry) {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "a CUSTOS_AUDIT_WITNESSES entry is '<verifier key> <URL>', separated from the next by a comma");
        }
        NoteVerifierKey key;
        try {
            key = NoteVerifierKey.parse(parts[0]);
        } catch (NoteException e) {
            throw new IllegalArgumentException("a witness verifier key cannot be read: " + e.getMessage(), e);
        }
        try {
            return new Witness(key, new URI(parts[1]));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the URL of the witness " + key.name() + " cannot be read", e);
        }
    }

    /** The witness's key name, which is how it is named in outcomes and logs. */
    public String name() {
        return key.name();
    }

    /** Where checkpoints are posted. */
    URI addCheckpoint() {
        String prefix = submissionPrefix.toString();
        return URI.create((prefix.endsWith("/") ? prefix : prefix + "/") + "add-checkpoint");
    }
}
