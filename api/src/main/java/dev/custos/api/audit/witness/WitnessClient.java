package dev.custos.api.audit.witness;

import dev.custos.api.audit.witness.WitnessOutcome.Cosigned;
import dev.custos.api.audit.witness.WitnessOutcome.Reason;
import dev.custos.api.audit.witness.WitnessOutcome.Refused;
import dev.custos.events.chain.Checkpoint;
import dev.custos.events.chain.Note;
import dev.custos.events.chain.NoteException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of C2SP {@code tlog-witness} {@code add-checkpoint}: posts {@code old <size>}, the consistency
 * proof from that size, a blank line and the signed checkpoint; follows one 409 by asking again from the size the
 * witness says it holds; and takes a 200 only with a cosignature by the witness's configured key over this very
 * checkpoint text. Blocking, with bounded waits: it runs on a scheduled worker, never on an event loop.
 */
final class WitnessClient {

    /** A witness's answer is a size or a few signature lines; anything longer is not an answer. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    static final String SIZE_CONTENT_TYPE = "text/x.tlog.size";

    private final HttpClient http;
    private final Duration requestTimeout;

    WitnessClient(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Asks {@code witness} to cosign {@code signedNote}, a checkpoint the log signed, starting from
     * {@code lastKnownSize}, the size the witness last cosigned as far as the log knows (0 if none).
     */
    WitnessOutcome addCheckpoint(Witness witness, String signedNote, long lastKnownSize, ConsistencyProofs proofs) {
        Note note = Note.parse(signedNote);
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        long old = lastKnownSize;
        for (int attempt = 0; ; attempt++) {
            if (old > checkpoint.size()) {
                return new Refused(
                        witness,
                        Reason.WITNESS_AHEAD,
                        "the witness holds size " + old + ", past this checkpoint's " + checkpoint.size());
            }
            Answer answer;
            try {
                answer = post(witness, body(old, proof(old, checkpoint.size(), proofs), signedNote));
            } catch (IOException | TimeoutException e) {
                return new Refused(
                        witness,
                        Reason.UNAVAILABLE,
                        "no answer: " + e.getClass().getSimpleName());
            }
            switch (answer.status()) {
                case 200:
                    return cosigned(witness, checkpoint, answer.body());
                case 409:
                    long held = heldSize(answer);
                    if (held < 0) {
                        return new Refused(witness, Reason.NOT_ACCEPTED, "409 without a readable tree size");
                    }
                    if (held == old) {
                        // The witness holds our old size yet refuses: only a different root at the same size does that.
                        return new Refused(
                                witness, Reason.INCONSISTENT, "the witness holds another root at size " + held);
                    }
                    if (attempt > 0) {
                        return new Refused(witness, Reason.NOT_ACCEPTED, "409 again after retrying from size " + old);
                    }
                    old = held;
                    continue;
                case 422:
                    return new Refused(
                            witness,
                            Reason.INCONSISTENT,
                            "the consistency proof from size " + old + " to " + checkpoint.size()
                                    + " does not verify against the witness's head");
                case 404:
                    return new Refused(witness, Reason.NOT_ACCEPTED, "the witness does not know this log's origin");
                case 403:
                    return new Refused(witness, Reason.NOT_ACCEPTED, "the witness does not trust the log's signature");
                default:
                    return new Refused(
                            witness,
                            answer.status() >= 500 ? Reason.UNAVAILABLE : Reason.NOT_ACCEPTED,
                            "the witness answered " + answer.status());
            }
        }
    }

    private static List<byte[]> proof(long old, long size, ConsistencyProofs proofs) {
        return old == 0 || old == size ? List.of() : proofs.between(old, size);
    }

    static byte[] body(long old, List<byte[]> proof, String signedNote) {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(
                hash -> body.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return body.append('\n').append(signedNote).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static WitnessOutcome cosigned(Witness witness, Checkpoint checkpoint, byte[] body) {
        try {
            // The answer is signature lines for the checkpoint: read together with its text, they are a signed note,
            // held to every rule of one (UTF-8, no control characters, each line well formed).
            byte[] text = (checkpoint.text() + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] joined = Arrays.copyOf(text, text.length + body.length);
            System.arraycopy(body, 0, joined, text.length, body.length);
            Note note = Note.parse(joined);
            if (!note.text().equals(checkpoint.text())) {
                throw new NoteException("the answer is not signature lines alone");
            }
            StringBuilder cosignatures = new StringBuilder();
            note.verifiedBy(List.of(witness.key())).forEach(signature -> cosignatures.append(signature.line()));
            return new Cosigned(witness, checkpoint.size(), cosignatures.toString());
        } catch (NoteException e) {
            return new Refused(witness, Reason.BAD_COSIGNATURE, e.getMessage());
        }
    }

    private static long heldSize(Answer answer) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (!answer.contentType().startsWith(SIZE_CONTENT_TYPE) || !body.endsWith("\n")) {
            return -1;
        }
        return Checkpoint.parseSize(body.substring(0, body.length() - 1));
    }

    private Answer post(Witness witness, byte[] body) throws IOException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(witness.addCheckpoint())
                .timeout(requestTimeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> exchange =
                http.sendAsync(request, info -> BodySubscribers.ofByteArrayConsumer(chunk -> collect(received, chunk)));
        try {
            // The request timeout bounds the wait for the headers; this bounds the body too.
            HttpResponse<Void> response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (received) {
                return new Answer(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        received.toByteArray());
            }
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static void collect(ByteArrayOutputStream received, Optional<byte[]> chunk) {
        synchronized (received) {
            chunk.ifPresent(bytes -> {
                if (received.size() + bytes.length > MAX_ANSWER_BYTES) {
                    throw new IllegalStateException("the witness's answer is too long");
                }
                received.write(bytes, 0, bytes.length);
            });
        }
    }

    private record Answer(int status, String contentType, byte[] body) {}
}
