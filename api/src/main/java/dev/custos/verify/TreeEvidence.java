package dev.custos.verify;

import dev.custos.events.chain.NoteVerifierKey;
import java.nio.file.Path;
import java.util.List;

/**
 * The Merkle tree evidence given beside a stream: signed tree heads ({@code notes}) verified with the pinned
 * {@code noteKey}, and, for an incremental check, the auditor's trusted older head ({@code fromCheckpoint}) and the
 * consistency proof from it to the one note. Null paths and an empty list where not given.
 */
record TreeEvidence(NoteVerifierKey noteKey, List<Path> notes, Path fromCheckpoint, Path consistency) {

    static final TreeEvidence NONE = new TreeEvidence(null, List.of(), null, null);
}
