package dev.custos.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code GET /api/audit/checkpoints}: the tenant and its checkpoints, sorted oldest first. Its
 * {@code public_key} and {@code keys} are deliberately not read: only keys the auditor passes are trusted.
 *
 * <p>The auditor may pass one page of checkpoints, so the first one passed may have any number; from there on the
 * numbers must run without a gap to the newest, each checkpoint signing the previous one's signature. A checkpoint
 * removed from the middle, or the list cut and renumbered, then breaks that link.
 */
record CheckpointsFile(UUID tenantId, List<SignedCheckpoint> checkpoints) {

    private static final String WHERE = "the checkpoints file";

    static CheckpointsFile read(Path file) throws IOException, VerificationFailure {
        JsonFields answer =
                JsonFields.of(JsonFields.parse(Files.readString(file, StandardCharsets.UTF_8), WHERE), WHERE);
        UUID tenantId = tenant(answer.text("tenant_id"));
        String algorithm = answer.nullableText("algorithm");
        if (algorithm != null && !algorithm.equals("Ed25519")) {
            throw new VerificationFailure(
                    WHERE + " names the algorithm " + algorithm + "; this verifier knows Ed25519");
        }
        JsonNode listed = answer.present("checkpoints");
        if (!listed.isArray()) {
            throw new VerificationFailure(WHERE + ": \"checkpoints\" is not a list");
        }
        List<SignedCheckpoint> checkpoints = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            String where = WHERE + ", entry " + (i + 1) + " of \"checkpoints\"";
            checkpoints.add(SignedCheckpoint.read(JsonFields.of(listed.get(i), where)));
        }
        checkpoints.sort(Comparator.comparingLong(SignedCheckpoint::number));
        return new CheckpointsFile(tenantId, List.copyOf(checkpoints));
    }

    Optional<SignedCheckpoint> newest() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    /** Checks every signature with the trusted keys and every link between consecutive checkpoints. */
    void verify(PublicKeys keys) throws VerificationFailure {
        SignedCheckpoint previous = null;
        for (SignedCheckpoint checkpoint : checkpoints) {
            verifySignature(checkpoint, keys);
            verifyLink(previous, checkpoint);
            previous = checkpoint;
        }
    }

    private void verifySignature(SignedCheckpoint checkpoint, PublicKeys keys) throws VerificationFailure {
        if (!keys.has(checkpoint.keyId())) {
            throw new VerificationFailure(checkpoint.label() + " is signed by key " + checkpoint.keyId()
                    + ", a key you did not give (you gave " + String.join(", ", keys.ids()) + ")");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException notBase64) {
            throw new VerificationFailure(checkpoint.label() + ": its signature is not base64");
        }
        // Java's decoder also takes base64 without its padding; the service writes it padded, and
        // evidence that differs from what was served is refused, not read kindly.
        if (!Base64.getEncoder().encodeToString(signature).equals(checkpoint.signature())) {
            throw new VerificationFailure(checkpoint.label() + ": its signature is not padded, canonical base64");
        }
        if (!keys.verifies(checkpoint.keyId(), checkpoint.signedBytes(tenantId), signature)) {
            throw new VerificationFailure(checkpoint.label() + ": the signature does not verify with key "
                    + checkpoint.keyId() + ": the checkpoint was altered or forged");
        }
    }

    private static void verifyLink(SignedCheckpoint previous, SignedCheckpoint checkpoint) throws VerificationFailure {
        if (checkpoint.number() == 1 && checkpoint.prevSignature() != null) {
            throw new VerificationFailure(checkpoint.label() + " is numbered 1 but signs a previous checkpoint: "
                    + "the checkpoints were renumbered, earlier ones removed");
        }
        if (checkpoint.number() > 1 && checkpoint.prevSignature() == null) {
            throw new VerificationFailure(checkpoint.label() + " signs no previous checkpoint, but only "
                    + "checkpoint 1 may lack one: the checkpoints were renumbered");
        }
        if (previous == null) {
            return;
        }
        if (checkpoint.number() == previous.number()) {
            throw new VerificationFailure("checkpoint " + checkpoint.number() + " is listed twice");
        }
        if (checkpoint.number() != previous.number() + 1) {
            throw new VerificationFailure("the checkpoint numbers jump from " + previous.number() + " to "
                    + checkpoint.number() + ": checkpoints were removed (pass every checkpoint from the oldest "
                    + "you pass to the newest)");
        }
        if (!checkpoint.prevSignature().equals(previous.signature())) {
            throw new VerificationFailure(checkpoint.label() + ": its prev_signature is not the signature of "
                    + previous.label() + ": a checkpoint was removed, replaced or reordered");
        }
        if (checkpoint.seq() <= previous.seq()) {
            throw new VerificationFailure(checkpoint.label() + " does not move past " + previous.label()
                    + ": each checkpoint signs a later head, so the chain was rewound");
        }
    }

    private static UUID tenant(String text) throws VerificationFailure {
        try {
            UUID tenant = UUID.fromString(text);
            if (tenant.toString().equals(text)) {
                return tenant;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new VerificationFailure(WHERE + ": \"tenant_id\" is not a lower-case UUID");
    }
}
